/**
 * The uaCSTA codec: CSTA XML (ECMA-323) as ECMA TR/87 carries it in SIP to control and observe a desk
 * phone (make, answer, hold, transfer and clear its calls, and learn what its calls do).
 *
 * <p>TR/87 in short: the controlling side opens a CSTA session with an INVITE whose body, of type
 * {@code application/csta+xml} ({@link io.switchboard.sip.csta.CstaContentType}) with
 * {@code Content-Disposition: signal;handling=required}, is a {@code RequestSystemStatus}; the 200 OK
 * carries the response. Within that dialog each further service request (MonitorStart, MakeCall, ...) goes
 * in an INFO, and its CSTA response, positive or a {@code CSTAErrorCode}, in the body of the INFO's 200 OK.
 * Once a monitor is started, the monitored side sends the call control events (Delivered, Established,
 * ConnectionCleared, ...) in INFOs of its own, each naming the monitor by its cross reference ID.
 *
 * <p>Like the other codecs of this module it is three parts: immutable wire records
 * ({@link io.switchboard.sip.csta.CstaMessage} and its sealed kinds), one stateless
 * {@link io.switchboard.sip.csta.CstaParser} hardened against hostile bodies, and one
 * {@link io.switchboard.sip.csta.CstaWriter}. The SIP dialog, the matching of responses to INFOs, and what a
 * service does are the gateway's and the client's business, not this package's.
 */
package io.switchboard.sip.csta;
