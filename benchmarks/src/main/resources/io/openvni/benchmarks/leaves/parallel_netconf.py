"""Blind parallel NETCONF pushes, the way an Ansible run with forks drives switches without a controller
(Debian's python3-ncclient); run by the leaf-scale benchmark (DirectClient.java).

Usage: python3 parallel_netconf.py THREADS USER LIST   (the password comes in $NETCONF_PASSWORD)
  LIST has one line per device: NAME HOST PORT FILE, FILE a <config> element for edit-config.
Each device, on one of THREADS threads: connect (SSH, hello), lock the candidate, edit-config FILE into it
(default-operation merge; the file says what to replace or remove), commit, unlock, close. Nothing is read first.
Prints one JSON object per device as it ends, {"device", "ok", "ms" (connect to close), "connect-ms", "error"},
then {"total-ms" (first connect to last close), "cpu-s" (this process: user + system)}. Exit code 0.
"""
import json
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from ncclient import manager


def push(name, host, port, user, password, config, lock, out):
    start = time.monotonic()
    connected = start
    result = {"device": name, "ok": True}
    try:
        with manager.connect(host=host, port=port, username=user, password=password, hostkey_verify=False,
                             look_for_keys=False, allow_agent=False, timeout=300) as m:
            connected = time.monotonic()
            with m.locked("candidate"):
                m.edit_config(target="candidate", config=config, default_operation="merge")
                m.commit()
    except Exception as e:  # connection, authentication or an rpc-error: reported per device
        result.update(ok=False, error=f"{type(e).__name__}: {' '.join(str(e).split())}"[:500])
    end = time.monotonic()
    result.update({"ms": (end - start) * 1000, "connect-ms": (connected - start) * 1000})
    with lock:
        print(json.dumps(result), file=out, flush=True)


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    threads, user = int(argv[1]), argv[2]
    password = os.environ.get("NETCONF_PASSWORD", "")
    devices = []
    with open(argv[3], encoding="utf-8") as listing:
        for line in listing:
            if line.strip():
                name, host, port, path = line.split()
                with open(path, encoding="utf-8") as f:
                    devices.append((name, host, int(port), f.read()))
    lock = threading.Lock()
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        for name, host, port, config in devices:
            pool.submit(push, name, host, port, user, password, config, lock, sys.stdout)
    total = time.monotonic() - start
    times = os.times()
    print(json.dumps({"total-ms": total * 1000, "cpu-s": times.user + times.system}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
