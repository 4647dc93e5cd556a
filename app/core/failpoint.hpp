// Kill points between the store's file operations, for crash-consistency tests.
// Armed only by the environment, read once per process:
//   ZJ_FAILPOINT=NAME[#N]   the N-th time (default 1) NAME is passed, the process sends itself
//                           SIGKILL: nothing after that point runs, as after a kill -9
//   ZJ_FAILPOINT_TRACE=FILE appends the name of every point passed, one per line, so a test
//                           can enumerate the points of a run and then kill at each of them
// Unarmed (every kiosk in the field) a point costs one test of a cached flag.
#pragma once

namespace zj {

void failpoint(const char* name);

} // namespace zj
