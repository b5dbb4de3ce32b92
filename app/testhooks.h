#pragma once

namespace frontis::testhooks {

// Test-only hooks for tests that run the real `frontis` binary (tests/app/tst_lostwork.cpp), read
// from the environment; they are not a user feature and nothing documents them to users:
//   FRONTIS_TEST_RECOVERY=restore|discard  answers the question about kept unsaved changes
//                                          without showing it.
//   FRONTIS_TEST_EDIT=KEY=VALUE            sets front-matter field KEY to VALUE in every window
//                                          with a form, the way the form applies a typed value,
//                                          once the windows are open.
// installPrompts() goes before the windows open, applyEdits() after.
void installPrompts();
void applyEdits();

} // namespace frontis::testhooks
