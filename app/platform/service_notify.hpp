// Tells systemd (Type=notify, WatchdogSec=) that the kiosk is up and that its frame loop still
// turns, so a hung loop gets the service restarted. Outside systemd (no NOTIFY_SOCKET: a
// development run, a scenario, a test) every call does nothing.
#pragma once

namespace zj::service {

// READY=1, once: call when the first frame is on screen.
void notifyReady();

// WATCHDOG=1 from the frame loop. Rate-limited to a quarter of the unit's WatchdogSec (twice
// as often as systemd's advice of half), so calling it every loop turn costs nothing.
void notifyWatchdog();

} // namespace zj::service
