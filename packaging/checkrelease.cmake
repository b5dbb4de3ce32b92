# ctest packaging/release: the newest <release> of the AppStream metainfo and the .TH line of the
# man page name the version in project(), and the same date, so that a version bump cannot ship
# stale metadata. Run as: cmake -DVERSION=X.Y.Z -DMETAINFO=FILE -DMANPAGE=FILE -P checkrelease.cmake
foreach(var VERSION METAINFO MANPAGE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "checkrelease.cmake: -D${var}=... is missing")
  endif()
endforeach()

file(READ "${METAINFO}" metainfo)
# Releases are listed newest first; the first one is the current version.
if(NOT metainfo MATCHES "<release[ \t\r\n]+version=\"([^\"]+)\"[ \t\r\n]+date=\"([0-9-]+)\"")
  message(FATAL_ERROR "${METAINFO}: no <release version=\"...\" date=\"...\"> found")
endif()
set(release_version "${CMAKE_MATCH_1}")
set(release_date "${CMAKE_MATCH_2}")
if(NOT release_version STREQUAL VERSION)
  message(FATAL_ERROR "${METAINFO}: the newest <release> is ${release_version}, but project() says "
                      "${VERSION}: add a <release version=\"${VERSION}\" date=\"YYYY-MM-DD\"> first")
endif()

file(STRINGS "${MANPAGE}" th_lines REGEX "^\\.TH ")
list(LENGTH th_lines th_count)
if(NOT th_count EQUAL 1)
  message(FATAL_ERROR "${MANPAGE}: expected one .TH line, found ${th_count}")
endif()
if(NOT th_lines MATCHES "^\\.TH FRONTIS 1 ([0-9-]+) \"Frontis ([^\"]+)\"")
  message(FATAL_ERROR "${MANPAGE}: the .TH line should read .TH FRONTIS 1 DATE \"Frontis VERSION\" ...")
endif()
if(NOT CMAKE_MATCH_2 STREQUAL VERSION OR NOT CMAKE_MATCH_1 STREQUAL release_date)
  message(FATAL_ERROR "${MANPAGE}: .TH says ${CMAKE_MATCH_1}, Frontis ${CMAKE_MATCH_2}; expected "
                      "${release_date}, Frontis ${VERSION} (the metainfo's newest release)")
endif()
message(STATUS "Frontis ${VERSION}, released ${release_date}: metainfo and man page agree")
