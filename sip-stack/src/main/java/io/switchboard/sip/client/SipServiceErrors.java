package io.switchboard.sip.client;

import io.switchboard.core.service.NoResponseException;
import io.switchboard.core.service.ServiceException;
import io.switchboard.sip.ua.ProxyFailures;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns the user agent's futures into core's blocking service calls (ADR 2) and its failures into
 * core's exceptions (ADR 3): the SIP exceptions already are {@link ServiceException}s and pass
 * unchanged. Stateless.
 */
final class SipServiceErrors {

    private SipServiceErrors() {
    }

    static <T> T await(CompletableFuture<T> future, Duration timeout, String what) throws ServiceException {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoResponseException(what + " was interrupted", e);
        } catch (TimeoutException e) {
            throw new NoResponseException(what + ": no answer within " + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw map(what, e.getCause());
        }
    }

    static ServiceException map(String what, Throwable failure) {
        Throwable cause = ProxyFailures.unwrap(failure);
        if (cause instanceof ServiceException serviceException) {
            return serviceException;
        }
        return new ServiceException(what + " failed: " + cause.getMessage(), cause);
    }
}
