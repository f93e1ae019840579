package io.switchboard.bench.signin;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.switchboard.bench.client.Account;
import io.switchboard.bench.client.LoadClient;
import io.switchboard.bench.client.SessionListener;
import io.switchboard.bench.client.SimulatedUser;

/** The bench's own Netty client: TCP connect until the roster result is parsed. */
public final class NettySignInTimer implements SignInTimer {

    private final LoadClient client;
    private final Account account;
    private final long timeoutSeconds;

    public NettySignInTimer(LoadClient client, Account account, long timeoutSeconds) {
        this.client = client;
        this.account = account;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public String client() {
        return "bench-netty";
    }

    @Override
    public SignIn signInOnce() throws Exception {
        CompletableFuture<SignIn> done = new CompletableFuture<>();
        client.connect(account, new SessionListener() {
            @Override
            public void online(SimulatedUser u, int rosterSize, long connectStartNanos, long onlineNanos) {
                done.complete(new SignIn(rosterSize, (onlineNanos - connectStartNanos) / 1e6));
                u.close();
            }

            @Override
            public void failed(SimulatedUser u, String phase, String reason) {
                done.completeExceptionally(new IllegalStateException("sign-in failed in " + phase + ": " + reason));
            }

            @Override
            public void presence(SimulatedUser receiver, String fromBareJid, String status, long receivedNanos) {
                // not measured here
            }
        }, false);
        return done.get(timeoutSeconds, TimeUnit.SECONDS);
    }
}
