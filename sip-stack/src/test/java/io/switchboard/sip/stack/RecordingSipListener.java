package io.switchboard.sip.stack;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;

/** Test listener: records what arrives and hands requests to a handler. */
final class RecordingSipListener implements SipListener {

    final List<RequestEvent> requests = new CopyOnWriteArrayList<>();
    final List<ResponseEvent> responses = new CopyOnWriteArrayList<>();
    final List<TimeoutEvent> timeouts = new CopyOnWriteArrayList<>();
    private final Consumer<RequestEvent> requestHandler;

    RecordingSipListener(Consumer<RequestEvent> requestHandler) {
        this.requestHandler = requestHandler;
    }

    @Override
    public void processRequest(RequestEvent event) {
        requests.add(event);
        requestHandler.accept(event);
    }

    @Override
    public void processResponse(ResponseEvent event) {
        responses.add(event);
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        timeouts.add(event);
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        // not recorded: the tests look at responses and timeouts
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // not recorded
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // not recorded
    }
}
