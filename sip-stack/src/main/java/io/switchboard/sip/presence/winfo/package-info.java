/**
 * Watcher information (RFC 3857 event template-package, RFC 3858 document format): the wire
 * objects {@link io.switchboard.sip.presence.winfo.WatcherInfo},
 * {@link io.switchboard.sip.presence.winfo.WatcherList} and
 * {@link io.switchboard.sip.presence.winfo.Watcher}, a hardened stateless
 * {@link io.switchboard.sip.presence.winfo.WatcherInfoParser} and a
 * {@link io.switchboard.sip.presence.winfo.WatcherInfoWriter}.
 */
package io.switchboard.sip.presence.winfo;
