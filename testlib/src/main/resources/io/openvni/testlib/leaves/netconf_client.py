"""Tiny NETCONF-over-SSH client for test assertions (Debian's python3-ncclient); run by NetconfTestClient.

Usage: python3 netconf_client.py HOST PORT USER COMMAND [ARG...]   (the password comes in $NETCONF_PASSWORD)
  hello                          the server's capabilities and the session id
  get-config running|candidate   the datastore's content (the XML <data> element)
  edit-commit FILE [merge|replace|none]
                                 lock the candidate, edit-config FILE (a <config> element) into it with that
                                 default-operation, commit, unlock; on an rpc-error, discard-changes first so the
                                 candidate stays clean
  discard                        discard-changes on the candidate
  hold-lock                      lock the candidate, print {"ok": true} at once, keep the lock until stdin closes
Prints one JSON object: {"ok": true, ...} or {"ok": false, "error": "<tag; path; message; info>", "reply": "<xml>"}.
Exit code 0 when the server answered (also with an rpc-error), 2 for usage or connection errors.
"""
import json
import os
import sys

from lxml import etree
from ncclient import manager
from ncclient.operations.rpc import RPCError


def error_text(err):
    parts = []
    for e in (getattr(err, "errors", None) or [err]):
        fields = [("tag", e.tag), ("app-tag", getattr(e, "app_tag", None)), ("path", e.path),
                  ("message", e.message), ("info", e.info)]
        parts.append("; ".join(f"{k}: {' '.join(str(v).split())}" for k, v in fields if v and str(v).strip()))
    return " | ".join(parts)


def error_json(err):
    xml = getattr(err, "xml", None)
    reply = etree.tostring(xml).decode() if xml is not None else None
    return {"ok": False, "error": error_text(err), "reply": reply}


def main(argv):
    if len(argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    host, port, user, command, args = argv[1], int(argv[2]), argv[3], argv[4], argv[5:]
    try:
        session = manager.connect(host=host, port=port, username=user,
                                  password=os.environ.get("NETCONF_PASSWORD", ""), hostkey_verify=False,
                                  look_for_keys=False, allow_agent=False, timeout=30)
    except Exception as e:  # connection refused, authentication, no hello (netconfd down behind sshd)
        print(json.dumps({"ok": False, "error": f"connect: {type(e).__name__}: {e}"}))
        return 2
    with session as m:
        try:
            if command == "hello":
                result = {"ok": True, "session-id": m.session_id, "capabilities": sorted(m.server_capabilities)}
            elif command == "get-config":
                result = {"ok": True, "data": m.get_config(source=args[0]).data_xml}
            elif command == "edit-commit":
                with open(args[0], encoding="utf-8") as f:
                    config = f.read()
                operation = args[1] if len(args) > 1 else "merge"
                with m.locked("candidate"):
                    try:
                        m.edit_config(target="candidate", config=config, default_operation=operation)
                        m.commit()
                        result = {"ok": True}
                    except RPCError as e:
                        m.discard_changes()
                        result = error_json(e)
            elif command == "hold-lock":
                with m.locked("candidate"):
                    print(json.dumps({"ok": True}), flush=True)
                    sys.stdin.read()
                return 0
            elif command == "discard":
                m.discard_changes()
                result = {"ok": True}
            else:
                print(__doc__, file=sys.stderr)
                return 2
        except RPCError as e:
            result = error_json(e)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
