"""aiosmtpd handler for Incognito's message tests.

Run as: python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c incognito_testmail.SaveToDir OUTDIR [USER PASSWORD]
(with this directory on PYTHONPATH). Every message received is written to
OUTDIR as NNNNNN.json. Given USER and PASSWORD, the server takes AUTH PLAIN
with exactly those credentials and refuses MAIL before authentication.
"""

import base64
import binascii
import itertools
import json
import os

from aiosmtpd.smtp import MISSING, AuthResult, LoginPassword


class SaveToDir:
    def __init__(self, outdir, user=None, password=None):
        self.outdir = outdir
        self.user = user.encode() if user is not None else None
        self.password = password.encode() if password is not None else None
        self.counter = itertools.count(1)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) not in (1, 3):
            parser.error("SaveToDir takes OUTDIR [USER PASSWORD]")
        return cls(*args)

    # A handler's auth_PLAIN replaces aiosmtpd's built-in one.
    async def auth_PLAIN(self, server, args):
        if len(args) == 1:
            data = await server.challenge_auth("")
            if data is MISSING:
                return AuthResult(success=False, handled=False)
        else:
            try:
                data = base64.b64decode(args[1], validate=True)
            except (binascii.Error, ValueError):
                return AuthResult(success=False, handled=False, message="501 5.5.2 Can't decode base64")
        parts = data.split(b"\0")
        if len(parts) != 3:
            return AuthResult(success=False, handled=False, message="501 5.5.2 Can't split auth value")
        _, login, password = parts
        if self.user is not None and login == self.user and password == self.password:
            return AuthResult(success=True, auth_data=LoginPassword(login, password))
        return AuthResult(success=False, handled=False)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.user is not None and not session.authenticated:
            return "530 5.7.0 Authentication required"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        login = session.login_data
        if isinstance(login, bytes):
            login = login.decode()
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "login": login,
            "tls": server.transport.get_extra_info("ssl_object") is not None,
            "starttls": session.ssl is not None,
            "data": envelope.original_content.decode("utf-8", "replace"),
        }
        name = "%06d.json" % next(self.counter)
        tmp = os.path.join(self.outdir, "." + name)
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.rename(tmp, os.path.join(self.outdir, name))
        return "250 Message accepted for delivery"
