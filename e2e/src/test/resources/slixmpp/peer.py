#!/usr/bin/env python3
"""An XMPP peer not built on Smack, for Switchboard's interop suite.

Signs in to the server under test with slixmpp, asks the Java side's user for a presence
subscription, approves theirs, waits for their presence, publishes its own with a note,
answers their chat message, checks the roster, and exits 0 only if every step happened.
Progress goes to stdout as "STEP <name> <detail>" lines the Java test reads.
Loopback only: the address to connect to is given on the command line.
"""
import argparse
import asyncio
import ssl
import sys

import slixmpp


class Peer(slixmpp.ClientXMPP):
    def __init__(self, args):
        super().__init__(args.jid, args.password)
        self.args = args
        self.peer = args.peer
        self.failed = None
        self.done = asyncio.Event()
        self.saw_peer_presence = asyncio.Event()
        self.got_chat = asyncio.Event()
        self.auto_authorize = True   # approve the Java user's request to see our presence
        self.auto_subscribe = True   # and ask for theirs back
        self.register_plugin('xep_0030')
        self.register_plugin('xep_0199')
        self.add_event_handler('session_start', self.on_start)
        self.add_event_handler('failed_auth', lambda _: self.fail('authentication failed'))
        self.add_event_handler('presence_available', self.on_available)
        self.add_event_handler('message', self.on_message)

    def step(self, name, detail=''):
        print('STEP', name, detail, flush=True)

    def fail(self, why):
        self.failed = why
        print('FAIL', why, flush=True)
        self.done.set()

    async def on_start(self, _event):
        self.step('signed-in', self.boundjid.full)
        await self.get_roster()
        self.send_presence()
        self.send_presence(pto=self.peer, ptype='subscribe')
        self.step('subscribe-sent', self.peer)
        try:
            await asyncio.wait_for(self.saw_peer_presence.wait(), self.args.timeout)
            self.send_presence(pshow='away', pstatus='at lunch')
            self.step('presence-sent', 'away at lunch')
            await asyncio.wait_for(self.got_chat.wait(), self.args.timeout)
            roster = await self.get_roster()
            item = self.client_roster[self.peer]
            self.step('roster', '%s %s' % (self.peer, item['subscription']))
            if item['subscription'] != 'both':
                self.fail('subscription with %s is %s, expected both' % (self.peer, item['subscription']))
                return
            self.step('done')
            self.done.set()
        except asyncio.TimeoutError:
            self.fail('timed out waiting for the peer')

    def on_available(self, presence):
        if presence['from'].bare == self.peer:
            self.step('peer-presence', '%s %s' % (presence['show'] or 'available', presence['status']))
            self.saw_peer_presence.set()

    def on_message(self, msg):
        if msg['type'] in ('chat', 'normal') and msg['from'].bare == self.peer and msg['body']:
            self.step('chat-received', msg['body'])
            msg.reply('pong: ' + msg['body']).send()
            self.step('chat-replied')
            self.got_chat.set()


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--host', required=True)
    parser.add_argument('--port', type=int, required=True)
    parser.add_argument('--jid', required=True)
    parser.add_argument('--password', required=True)
    parser.add_argument('--peer', required=True)
    parser.add_argument('--cafile', required=True, help='PEM certificate the server must present')
    parser.add_argument('--timeout', type=float, default=30)
    args = parser.parse_args()
    if not (args.host.startswith('127.') or args.host == '::1'):
        print('FAIL refusing to connect to a non-loopback address', flush=True)
        return 2

    peer = Peer(args)
    context = ssl.create_default_context(cafile=args.cafile)
    peer.ssl_context = context
    peer.connect((args.host, args.port), use_ssl=False, force_starttls=True, disable_starttls=False)
    try:
        await asyncio.wait_for(peer.done.wait(), args.timeout * 3)
    except asyncio.TimeoutError:
        peer.fail('no result in time')
    await peer.disconnect()
    return 0 if peer.failed is None else 1


if __name__ == '__main__':
    sys.exit(asyncio.run(main()))
