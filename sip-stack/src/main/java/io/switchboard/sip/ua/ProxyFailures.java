package io.switchboard.sip.ua;

import java.util.concurrent.CompletionException;

/**
 * Which outcomes mean "this proxy is down, try the other one" (Cisco's primary/backup proxy rule):
 * no answer, no connection, 408, or any 5xx (503 Service Unavailable above all). A 4xx such as 401
 * or 403 is the proxy working and saying no: failing over would not help. Stateless.
 */
public final class ProxyFailures {

    private ProxyFailures() {
    }

    public static boolean isProxyFailure(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof SipTimeoutException || cause instanceof SipTransportException) {
            return true;
        }
        return cause instanceof SipRejectedException rejected && isProxyFailureStatus(rejected.statusCode());
    }

    public static boolean isProxyFailureStatus(int status) {
        return status == 408 || (status >= 500 && status < 600);
    }

    /** The cause of a CompletionException, as futures deliver it. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** {@code failure} as the Exception to report: unwrapped, and wrapped if it is an Error-free Throwable. */
    public static Exception asException(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof Exception e ? e : new IllegalStateException(cause);
    }
}
