"""A real SMTP server for the notification tests (Debian's python3-aiosmtpd), on 127.0.0.1.

Usage: python3 smtp_sink.py PORT FOLDER
Every message received is saved as FOLDER/<n>.json with the envelope recipients, the decoded subject, the plain-text
and HTML parts and the outbox id header, then as FOLDER/<n>.eml (raw). Prints "ready" once listening.
"""
import asyncio, email, email.policy, itertools, json, os, sys
from aiosmtpd.controller import Controller

port, folder = int(sys.argv[1]), sys.argv[2]
os.makedirs(folder, exist_ok=True)
counter = itertools.count(1)


class Sink:
    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content or envelope.content, policy=email.policy.default)
        text = message.get_body(preferencelist=('plain',))
        html = message.get_body(preferencelist=('html',))
        n = next(counter)
        record = {
            'mail_from': envelope.mail_from,
            'rcpt_tos': envelope.rcpt_tos,
            'to': str(message['To']),
            'subject': str(message['Subject']),
            'outbox_id': message['X-SisPMPI-Outbox-Id'],
            'text': text.get_content() if text else None,
            'html': html.get_content() if html else None,
        }
        with open(os.path.join(folder, f'{n:05d}.eml'), 'wb') as raw:
            raw.write(envelope.original_content or envelope.content)
        temporary = os.path.join(folder, f'{n:05d}.json.tmp')
        with open(temporary, 'w', encoding='utf-8') as out:
            json.dump(record, out, ensure_ascii=False)
        os.replace(temporary, os.path.join(folder, f'{n:05d}.json'))
        return '250 OK'


controller = Controller(Sink(), hostname='127.0.0.1', port=port)
controller.start()
print('ready', flush=True)
try:
    asyncio.get_event_loop().run_forever()
except KeyboardInterrupt:
    pass
finally:
    controller.stop()
