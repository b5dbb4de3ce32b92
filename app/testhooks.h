#pragma once

namespace frontis::testhooks {

// Test-only hooks for tests that run the real `frontis` binary (tests/app/tst_lostwork.cpp), read
// from the environment; they are not a user feature and nothing documents them to users:
//   FRONTIS_TEST_RECOVERY=restore|discard  answers the question about kept unsaved changes
//                                          without showing it.
//   FRONTIS_TEST_EDIT=KEY=VALUE            sets front-matter field KEY to VALUE in every window
//                                          with a form, the way the form applies a typed value,
//                                          once the windows are open.
//   FRONTIS_TEST_STARTUP=report|quit      once the first window with an article has its preview
//                                          rendered and is painted, prints "frontis-painted
//                                          EPOCH_MS CPU_MS" on stdout (wall clock in ms since
//                                          1970, and this process's CPU time), then with `quit`
//                                          quits (tests/bench/frontis_bench.cpp: start-up time).
// installPrompts() goes before the windows open, applyEdits() and reportStartup() after.
void installPrompts();
void applyEdits();
void reportStartup();

} // namespace frontis::testhooks
