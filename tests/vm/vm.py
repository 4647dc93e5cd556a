#!/usr/bin/python3
"""The VM tests' driver: boots the image from image.sh in QEMU and checks the deployed kiosk.

[SECTION] index: QEMU machine · guest agent · screen checks · checks (boot, tap, power cuts,
watchdog, crash) · main

Everything the guest does is read from outside: the journal on the serial console (the kiosk
says "first frame", "screen NAME", "switching to content version N", "sync: ..."), QMP
screendumps, QMP tablet events, and commands run by qemu-guest-agent over virtio-serial (not a
network device: the guest has none). Waits have generous safety limits so a broken guest fails
instead of hanging; no check depends on how fast this machine is, except the watchdog's bound,
which is systemd's own (WatchdogSec + RestartSec, read from the guest, measured on its clock).
"""
import argparse
import base64
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import time

from PIL import Image, ImageChops, ImageStat

SCREEN_W, SCREEN_H = 1920, 1080
# The "走进镇江" tile on the 1920x1080 home screen; tests/vm/reference.scn taps the same point
# headless, so a layout change that moves the tile fails there first, with the same numbers.
TILE_X, TILE_Y = 280, 700


class Failure(Exception):
    pass


def log(msg):
    print(msg, flush=True)


# [SECTION] QEMU machine


class Vm:
    def __init__(self, image_dir, work, disk, accel, name="vm"):
        self.image_dir, self.work, self.disk, self.accel = image_dir, work, disk, accel
        self.name = name
        self.proc = None
        self.serial = os.path.join(work, f"{name}-serial.log")
        self.qmp_path = os.path.join(work, f"{name}-qmp.sock")
        self.qga_path = os.path.join(work, f"{name}-qga.sock")
        self.qmp_sock = self.qmp_file = None
        self.qga_sock = self.qga_file = None
        self.started = None

    def start(self):
        for p in (self.serial, self.qmp_path, self.qga_path):
            if os.path.exists(p):
                os.unlink(p)
        cmd = ["qemu-system-x86_64", "-name", "zjmap-vm", "-machine", "q35", "-m", "2048",
               "-smp", "2", "-nodefaults", "-no-user-config",
               "-kernel", os.path.join(self.image_dir, "vmlinuz"),
               "-initrd", os.path.join(self.image_dir, "initrd.img"),
               "-append", "root=/dev/vda ro console=ttyS0,115200 consoleblank=0 "
                          "systemd.show_status=1 net.ifnames=0",
               "-drive", f"file={self.disk},format=raw,if=virtio,cache=writeback",
               "-device", f"virtio-vga,xres={SCREEN_W},yres={SCREEN_H}",
               "-display", "none",
               "-device", "qemu-xhci", "-device", "usb-tablet",
               "-nic", "none",
               "-serial", f"file:{self.serial}",
               "-qmp", f"unix:{self.qmp_path},server=on,wait=off",
               "-chardev", f"socket,id=qga,path={self.qga_path},server=on,wait=off",
               "-device", "virtio-serial-pci",
               "-device", "virtserialport,chardev=qga,name=org.qemu.guest_agent.0"]
        cmd += ["-accel", "kvm"] if self.accel == "kvm" else ["-accel", "tcg"]
        self.started = time.monotonic()
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                                     stdout=open(os.path.join(self.work, f"{self.name}-qemu.log"), "w"),
                                     stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            if self.proc.poll() is not None:
                raise Failure(f"qemu exited at once: {self.qemu_log()}")
            try:
                self.qmp_sock = socket.socket(socket.AF_UNIX)
                self.qmp_sock.connect(self.qmp_path)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise Failure(f"no QMP socket at {self.qmp_path}")
                time.sleep(0.05)
        self.qmp_file = self.qmp_sock.makefile("rw")
        self.qmp_file.readline()  # greeting
        self.qmp("qmp_capabilities")

    def qemu_log(self):
        try:
            return open(os.path.join(self.work, f"{self.name}-qemu.log")).read()[-2000:]
        except OSError:
            return ""

    def qmp(self, execute, **args):
        msg = {"execute": execute}
        if args:
            msg["arguments"] = args
        self.qmp_file.write(json.dumps(msg) + "\n")
        self.qmp_file.flush()
        while True:
            line = self.qmp_file.readline()
            if not line:
                raise Failure(f"QMP closed during {execute}")
            reply = json.loads(line)
            if "return" in reply:
                return reply["return"]
            if "error" in reply:
                raise Failure(f"QMP {execute}: {reply['error']}")
            # events ({"event": ...}) are not answers: read on

    def serial_text(self):
        try:
            with open(self.serial, "rb") as f:
                return f.read().decode("utf-8", "replace")
        except OSError:
            return ""

    def wait_line(self, pattern, limit_s, since=0, what=None):
        """First match of pattern in the serial log after offset `since`; returns (match,
        host seconds since power-on when it was seen, offset after it)."""
        rx = re.compile(pattern)
        deadline = time.monotonic() + limit_s
        while True:
            text = self.serial_text()
            m = rx.search(text, since)
            if m:
                return m, time.monotonic() - self.started, m.end()
            if self.proc.poll() is not None:
                raise Failure(f"qemu exited while waiting for {what or pattern}")
            if time.monotonic() > deadline:
                tail = "\n".join(text.splitlines()[-25:])
                raise Failure(f"no '{what or pattern}' on the serial console within {limit_s} s; "
                              f"its last lines:\n{tail}")
            time.sleep(0.05)

    def power_cut(self):
        """SIGKILL: no shutdown, no flush; what the guest had not written is lost."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait()
        self.close_sockets()

    def close_sockets(self):
        for s in (self.qmp_sock, self.qga_sock):
            try:
                if s:
                    s.close()
            except OSError:
                pass
        self.qmp_sock = self.qga_sock = None

    def stop(self):
        if self.proc and self.proc.poll() is None:
            try:
                self.qmp("quit")
            except (Failure, OSError):
                pass
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.close_sockets()

    # [SECTION] guest agent (qemu-guest-agent over virtio-serial)

    def _qga(self, execute, **args):
        msg = {"execute": execute}
        if args:
            msg["arguments"] = args
        self.qga_file.write(json.dumps(msg) + "\n")
        self.qga_file.flush()
        reply = json.loads(self.qga_file.readline())
        if "error" in reply:
            raise Failure(f"guest agent {execute}: {reply['error']}")
        return reply["return"]

    def wait_agent(self, limit_s):
        """Connects to qemu-guest-agent once it runs; guest-sync skips what an earlier
        connection left unread."""
        deadline = time.monotonic() + limit_s
        while self.qga_sock is None:
            try:
                s = socket.socket(socket.AF_UNIX)
                s.settimeout(3)
                s.connect(self.qga_path)
                self.qga_sock, self.qga_file = s, s.makefile("rw")
                sync_id = random.randint(1, 1 << 30)
                self.qga_file.write(json.dumps({"execute": "guest-sync",
                                                "arguments": {"id": sync_id}}) + "\n")
                self.qga_file.flush()
                while json.loads(self.qga_file.readline() or "{}").get("return") != sync_id:
                    pass
                s.settimeout(None)
            except (OSError, ValueError):
                self.close_qga()
                if self.proc.poll() is not None:
                    raise Failure("qemu exited while waiting for the guest agent")
                if time.monotonic() > deadline:
                    raise Failure(f"the guest agent did not answer within {limit_s} s")
                time.sleep(0.5)

    def close_qga(self):
        try:
            if self.qga_sock:
                self.qga_sock.close()
        except OSError:
            pass
        self.qga_sock = None

    def sh(self, command, check=True):
        """Runs a shell command in the guest as root; returns (exit code, output)."""
        self.wait_agent(120)
        pid = self._qga("guest-exec", path="/bin/sh", arg=["-c", command],
                        **{"capture-output": True})["pid"]
        while True:
            st = self._qga("guest-exec-status", pid=pid)
            if st.get("exited"):
                out = base64.b64decode(st.get("out-data", "")).decode("utf-8", "replace")
                out += base64.b64decode(st.get("err-data", "")).decode("utf-8", "replace")
                rc = st.get("exitcode", -1)
                if check and rc != 0:
                    raise Failure(f"in the guest, '{command}' exited {rc}: {out.strip()}")
                return rc, out
            time.sleep(0.1)

    # [SECTION] screen and input

    def screendump(self, path):
        self.qmp("screendump", filename=path)
        return Image.open(path).convert("RGB")

    def tap(self, x, y):
        """An absolute tap of the usb-tablet: QEMU -> xHCI -> libinput -> cage -> SDL."""
        ax, ay = int(x * 32767 / (SCREEN_W - 1)), int(y * 32767 / (SCREEN_H - 1))
        move = [{"type": "abs", "data": {"axis": "x", "value": ax}},
                {"type": "abs", "data": {"axis": "y", "value": ay}}]
        self.qmp("input-send-event", events=move)
        time.sleep(0.1)
        self.qmp("input-send-event", events=[{"type": "btn", "data": {"down": True, "button": "left"}}])
        time.sleep(0.12)  # held past one frame, as a finger is
        self.qmp("input-send-event", events=[{"type": "btn", "data": {"down": False, "button": "left"}}])


# [SECTION] screen checks


def difference(a, b):
    """Mean absolute difference (0..255) of two pictures, compared at 1/10 size."""
    size = (SCREEN_W // 10, SCREEN_H // 10)
    a, b = a.resize(size, Image.BILINEAR), b.resize(size, Image.BILINEAR)
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


def expect_picture(vm, ref, other, what, path, limit_s):
    """The VM's screen must come to look like the headless reference `ref`, and clearly unlike
    `other`. Screendumps are retried: photos decode after the first frame (slowly under TCG)."""
    deadline = time.monotonic() + limit_s
    while True:
        shot = vm.screendump(path)
        if shot.size != (SCREEN_W, SCREEN_H):
            raise Failure(f"{what}: the guest's screen is {shot.size[0]}x{shot.size[1]}, "
                          f"expected {SCREEN_W}x{SCREEN_H} ({path})")
        near, far = difference(shot, ref), difference(shot, other)
        if near < 12 and far > 2 * near + 8:
            log(f"   {what}: differs from its headless reference by {near:.1f}/255, "
                f"from the other screen by {far:.1f}/255 ({path})")
            return
        if time.monotonic() > deadline:
            raise Failure(f"{what}: the screen does not look like the headless reference "
                          f"(difference {near:.1f}, from the other screen {far:.1f}): see {path}")
        time.sleep(3)


FIRST_FRAME = r"zjmap-kiosk: first frame \(screen (\w+), content version (\d+)\)"


def boot_to_home(vm, refs, limit_s, shot_name):
    """Power on -> the kiosk's first frame, on home, checked on the screen. Returns
    (seconds to first frame, content version, serial offset)."""
    vm.start()
    m, t, offset = vm.wait_line(FIRST_FRAME, limit_s, what="the kiosk's first frame")
    if m.group(1) != "home":
        raise Failure(f"the first frame shows {m.group(1)}, not home")
    version = int(m.group(2))
    path = os.path.join(vm.work, shot_name)
    expect_picture(vm, refs["home"], refs["city"], "home on the VM's screen", path, limit_s)
    return t, version, offset


# [SECTION] checks


def check_boot_and_tap(vm, refs, limit_s):
    t_frame, version, offset = boot_to_home(vm, refs, limit_s, "boot-home.ppm")
    log(f"   power-on -> first kiosk frame: {t_frame:.1f} s (content version {version})")
    # READY=1 reached systemd: the start is over and the watchdog armed. Without the launcher
    # (zjmap-kiosk-session) the unit stayed "activating" until TimeoutStartSec killed it.
    state = ""
    for _ in range(30):
        _, state = vm.sh("systemctl is-active zjmap-kiosk.service", check=False)
        if state.strip() == "active":
            break
        time.sleep(2)
    if state.strip() != "active":
        raise Failure(f"the unit is {state.strip()!r} after the first frame, not active: "
                      "systemd never got READY=1")
    rc, out = vm.sh("systemctl is-active zjmap-kiosk.service; loginctl list-sessions --no-legend; "
                    "ps -o user=,comm= -C cage -C zjmap-kiosk")
    log("   " + out.strip().replace("\n", "\n   "))
    if "zjmap" not in out or "cage" not in out:
        raise Failure(f"cage and the kiosk are not running as zjmap: {out}")
    vm.tap(TILE_X, TILE_Y)
    m, _, offset = vm.wait_line(r"zjmap-kiosk: screen (?!home)(\w+)", 60, offset, "a module after the tap")
    if m.group(1) != "city":
        raise Failure(f"the tap on the Discover Zhenjiang tile opened {m.group(1)}, not city")
    path = os.path.join(vm.work, "tap-city.ppm")
    expect_picture(vm, refs["city"], refs["home"], "the module after the tap", path, limit_s)
    return t_frame


def store_check(vm, expect_versions):
    """The installed bundle is complete and signed: every blob hashed and the signature checked
    by zjmap-pack verify; no self-check left pending. Returns the installed version."""
    rc, out = vm.sh("set -e; s=/var/lib/zjmap-kiosk; v=$(basename $(readlink $s/current)); "
                    "d=$(mktemp -d); ln -s $s/bundles/$v/manifest.json $s/bundles/$v/manifest.json.sig "
                    "$d/; ln -s $s/blobs $d/blobs; "
                    "zjmap-pack verify $d --public-key /etc/zjmap-kiosk/test-key.pub >/dev/null; "
                    "rm -rf $d; test ! -e $s/state/pending-check; echo installed=$v", check=False)
    m = re.search(r"installed=(\d+)", out)
    if rc != 0 or not m:
        raise Failure(f"the store's check failed: {out.strip()}")
    v = int(m.group(1))
    if v not in expect_versions:
        raise Failure(f"installed version {v}, expected one of {expect_versions}")
    return v


def check_power_cuts(image_dir, work, accel, refs, count, limit_s, seed):
    rng = random.Random(seed)
    # One calibration boot: when the first frame, the sync's end and the switch come.
    disk = os.path.join(work, "cut-disk.img")
    subprocess.run(["cp", "--sparse=always", os.path.join(image_dir, "disk.img"), disk], check=True)
    vm = Vm(image_dir, work, disk, accel, "calibrate")
    try:
        t_frame, v, off = boot_to_home(vm, refs, limit_s, "calibrate-home.ppm")
        if v != 1:
            raise Failure(f"a fresh image shows version {v}, expected 1")
        _, t_sync, _ = vm.wait_line(r"zjmap-kiosk: sync: updated", limit_s, off, "the sync of v2")
        _, t_switch, _ = vm.wait_line(r"switching to content version 2", limit_s, off, "the switch to v2")
    finally:
        vm.stop()
    # Cut moments relative to the first frame, so that a host busier or idler than during the
    # calibration still cuts inside the sync and the switch: from 2 s before it (timed from
    # power-on) to 8 s after the switch (its writeback).
    lo, hi = -2.0, t_switch - t_frame + 8.0
    log(f"   calibration: first frame {t_frame:.1f} s, sync done {t_sync:.1f} s, switch "
        f"{t_switch:.1f} s; cuts drawn from {lo:+.1f}..{hi:+.1f} s after the first frame")
    survived, report = 0, []
    for i in range(count):
        subprocess.run(["cp", "--sparse=always", os.path.join(image_dir, "disk.img"), disk], check=True)
        cut_at = rng.uniform(lo, hi)
        vm = Vm(image_dir, work, disk, accel, f"cut{i:02d}")
        phase = "?"
        try:
            vm.start()
            if cut_at < 0:
                until = vm.started + t_frame + cut_at
            else:
                _, seen, _ = vm.wait_line(FIRST_FRAME, limit_s, what="the kiosk's first frame")
                until = vm.started + seen + cut_at
            while time.monotonic() < until:
                time.sleep(0.005)
            text = vm.serial_text()
            phase = ("switched" if "switching to content version 2" in text else
                     "synced" if "sync: updated" in text else
                     "shown" if "first frame" in text else "booting")
            vm.power_cut()
            after = Vm(image_dir, work, disk, accel, f"cut{i:02d}-after")
            try:
                _, shown, off = boot_to_home(after, refs, limit_s, f"cut{i:02d}-after.ppm")
                installed = store_check(after, (1, 2))
                # This boot's own sync starts after the first frame and may install v2 before
                # the check reads `current`: only then may the store be ahead of the screen.
                if installed != shown:
                    if installed != 2:
                        raise Failure(f"on screen {shown}, installed {installed}")
                    # (its journal line may reach the serial console a moment after the switch)
                    after.wait_line(r"zjmap-kiosk: sync: updated", 60, off,
                                    f"this boot's sync (on screen {shown}, installed {installed})")
                m, _, _ = after.wait_line(r"zjmap-kiosk: sync: (updated|up-to-date)", limit_s, off,
                                          "the next sync's success")
                final = store_check(after, (2,))
                if shown != 2:
                    after.wait_line(r"switching to content version 2", limit_s, off, "the switch to v2")
                survived += 1
                report.append(f"cut {i + 1:2d} at {cut_at:+6.2f} s ({phase}): after reboot version "
                              f"{shown} on screen, store checked, next sync {m.group(1)}, then {final}: ok")
            finally:
                after.stop()
        except Failure as e:
            report.append(f"cut {i + 1:2d} at {cut_at:+6.2f} s ({phase}): FAILED: {e}")
        log("   " + report[-1])
    os.unlink(disk)
    return survived, report


def restart_times(vm, sig, offset, limit_s):
    """Sends sig to the kiosk; returns (guest seconds from the signal to systemd's restart,
    host seconds to the next first frame, serial offset)."""
    rc, out = vm.sh(f"pid=$(pgrep -x zjmap-kiosk); kill -{sig} $pid; cut -d' ' -f1 /proc/uptime")
    t_signal_guest = float(out.split()[-1])
    t_signal_host = time.monotonic()
    _, _, offset = vm.wait_line(FIRST_FRAME, limit_s, offset, f"the kiosk's first frame after SIG{sig}")
    t_frame_host = time.monotonic() - t_signal_host
    rc, out = vm.sh("systemctl show -p ExecMainStartTimestampMonotonic --value zjmap-kiosk")
    t_restart_guest = int(out.strip()) / 1e6 - t_signal_guest
    return t_restart_guest, t_frame_host, offset


def restart_counts(vm):
    """(systemd's NRestarts, the kiosk's own zjmap_restarts_total or None where it has none)."""
    _, out = vm.sh("systemctl show -p NRestarts --value zjmap-kiosk; "
                   "cat /var/lib/zjmap-kiosk/metrics.prom 2>/dev/null || true")
    lines = out.splitlines()
    m = re.search(r"^zjmap_restarts_total(?:\{[^}]*\})? (\d+)", out, re.M)
    return int(lines[0]), (int(m.group(1)) if m else None)


def check_hang_and_crash(image_dir, work, accel, refs, limit_s):
    disk = os.path.join(work, "watchdog-disk.img")
    subprocess.run(["cp", "--sparse=always", os.path.join(image_dir, "disk.img"), disk], check=True)
    vm = Vm(image_dir, work, disk, accel, "watchdog")
    figures = {}
    try:
        _, _, offset = boot_to_home(vm, refs, limit_s, "watchdog-home.ppm")
        _, out = vm.sh("systemctl show -p WatchdogUSec -p RestartUSec --value zjmap-kiosk")
        watchdog_s, restart_s = (parse_systemd_span(x) for x in out.split())
        bound = watchdog_s + restart_s
        n0, k0 = restart_counts(vm)
        for sig, what in (("STOP", "hang (SIGSTOP)"), ("SEGV", "crash (SIGSEGV)")):
            t_restart, t_frame, offset = restart_times(vm, sig, offset, limit_s)
            n1, k1 = restart_counts(vm)
            log(f"   {what}: systemd restarted the kiosk {t_restart:.1f} s after the signal "
                f"(bound WatchdogSec + RestartSec = {bound:.0f} s); its next first frame "
                f"{t_frame:.1f} s after; NRestarts {n0} -> {n1}; zjmap_restarts_total "
                f"{'absent' if k1 is None else f'{k0} -> {k1}'}")
            if n1 != n0 + 1:
                raise Failure(f"{what}: NRestarts went {n0} -> {n1}, expected +1")
            if sig == "STOP" and t_restart > bound + 1.0:
                raise Failure(f"{what}: restarted {t_restart:.1f} s after the hang, more than "
                              f"WatchdogSec + RestartSec = {bound:.0f} s")
            if sig == "STOP":
                _, log_out = vm.sh("journalctl -u zjmap-kiosk -b --no-pager | grep -c 'Watchdog timeout' || true")
                if int(log_out.strip() or 0) < 1:
                    raise Failure("the journal has no 'Watchdog timeout' for the hang")
            if k1 is not None and (k0 is None or k1 < k0 + 1):
                raise Failure(f"{what}: zjmap_restarts_total went {k0} -> {k1}, expected +1")
            figures[sig] = (t_restart, t_frame)
            n0, k0 = n1, k1
        path = os.path.join(work, "after-crash-home.ppm")
        expect_picture(vm, refs["home"], refs["city"], "home after the restarts", path, limit_s)
    finally:
        vm.stop()
        os.unlink(disk)
    return figures


def parse_systemd_span(text):
    """'30s', '2s', '1min 30s', '500ms' -> seconds."""
    total = 0.0
    for num, unit in re.findall(r"([\d.]+)\s*(min|ms|us|s|h)", text):
        total += float(num) * {"h": 3600, "min": 60, "s": 1, "ms": 1e-3, "us": 1e-6}[unit]
    return total


# [SECTION] main


def kvm_usable(image_dir, work):
    """/dev/kvm opens and a KVM guest really runs: its kernel prints its banner on the serial
    console (some nested hosts offer a /dev/kvm whose guests never execute)."""
    try:
        os.close(os.open("/dev/kvm", os.O_RDWR))
    except OSError as e:
        return False, f"/dev/kvm: {e.strerror}"
    serial = os.path.join(work, "kvm-probe-serial.log")
    if os.path.exists(serial):
        os.unlink(serial)
    proc = subprocess.Popen(["qemu-system-x86_64", "-accel", "kvm", "-m", "256", "-nodefaults",
                             "-display", "none", "-kernel", os.path.join(image_dir, "vmlinuz"),
                             "-append", "console=ttyS0 panic=-1", "-no-reboot",
                             "-serial", f"file:{serial}", "-nic", "none"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and proc.poll() is None:
            if os.path.exists(serial) and b"Linux version" in open(serial, "rb").read():
                return True, ""
            time.sleep(0.1)
        return False, "a KVM guest printed nothing in 20 s"
    finally:
        proc.kill()
        proc.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--image", required=True, help="image.sh's output folder")
    ap.add_argument("--refs", required=True, help="headless reference screenshots folder")
    ap.add_argument("--work", required=True)
    ap.add_argument("--quick", action="store_true", help="boot, home on screen, tap a tile")
    ap.add_argument("--cuts", type=int, default=20)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--figures", help="append the figures to this file")
    ap.add_argument("--parts", default="boot,hang,cuts",
                    help="which checks without --quick (comma-separated: boot, hang, cuts)")
    args = ap.parse_args()
    # ctest's timeout and Ctrl-C: unwind, so every QEMU started here is stopped (finally).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    os.makedirs(args.work, exist_ok=True)
    usable, why = kvm_usable(args.image, args.work)
    accel = "kvm" if usable else "tcg"
    if accel == "tcg":
        log(f"NOTE: KVM is not usable here ({why}): QEMU runs with TCG (software emulation, "
            "many times slower)")
    limit_s = 300 if accel == "kvm" else 1800  # safety limits, not assertions
    refs = {k: Image.open(os.path.join(args.refs, f"vm-{k}.png")).convert("RGB") for k in ("home", "city")}
    figures = []
    try:
        parts = {"boot"} if args.quick else set(args.parts.split(","))
        if "boot" in parts:
            log("== boot to the kiosk, then a tap on a home tile")
            disk = os.path.join(args.work, "boot-disk.img")
            subprocess.run(["cp", "--sparse=always", os.path.join(args.image, "disk.img"), disk],
                           check=True)
            vm = Vm(args.image, args.work, disk, accel, "boot")
            try:
                t_frame = check_boot_and_tap(vm, refs, limit_s)
            finally:
                vm.stop()
                os.unlink(disk)
            figures.append(f"power-on -> first kiosk frame ({accel}): {t_frame:.1f} s")
        if "hang" in parts:
            log("== hangs and crashes: SIGSTOP (watchdog), SIGSEGV")
            f = check_hang_and_crash(args.image, args.work, accel, refs, limit_s)
            figures.append(f"watchdog restart (SIGSTOP -> restarted): {f['STOP'][0]:.1f} s "
                           f"(first frame again after {f['STOP'][1]:.1f} s)")
            figures.append(f"crash restart (SIGSEGV -> restarted): {f['SEGV'][0]:.1f} s "
                           f"(first frame again after {f['SEGV'][1]:.1f} s)")
        if "cuts" in parts:
            seed = args.seed if args.seed is not None else random.SystemRandom().randint(1, 1 << 30)
            log(f"== power cuts: {args.cuts} x SIGKILL of QEMU during the sync and the switch (seed {seed})")
            survived, _ = check_power_cuts(args.image, args.work, accel, refs, args.cuts, limit_s, seed)
            figures.append(f"power cuts survived: {survived}/{args.cuts} (seed {seed})")
            if survived != args.cuts:
                raise Failure(f"only {survived} of {args.cuts} power cuts survived")
    except Failure as e:
        log(f"FAIL: {e}")
        for line in figures:
            log("   " + line)
        return 1
    finally:
        if args.figures and figures:
            with open(args.figures, "a") as f:
                f.write("\n".join(figures) + "\n")
    for line in figures:
        log(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
