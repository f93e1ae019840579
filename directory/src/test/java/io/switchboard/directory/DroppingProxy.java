package io.switchboard.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay on 127.0.0.1 in front of a test directory that can drop a connection the way a
 * directory, a firewall or a load balancer does, unseen by the client until it next sends: when
 * armed, the next bytes a client sends on any connection are not relayed, and that connection is
 * reset. To the client the connection looked open and bound right up to its request.
 */
final class DroppingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicBoolean dropNextRequest = new AtomicBoolean();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    DroppingProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        daemon(this::accept, "proxy-accept");
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The next request any client sends is lost with its connection. */
    void dropNextRequest() {
        dropNextRequest.set(true);
    }

    private void accept() {
        try {
            while (!listener.isClosed()) {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getByName("127.0.0.1"), targetPort);
                sockets.add(client);
                sockets.add(server);
                daemon(() -> relay(client, server, true), "proxy-up");
                daemon(() -> relay(server, client, false), "proxy-down");
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void relay(Socket from, Socket to, boolean fromClient) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (fromClient && dropNextRequest.compareAndSet(true, false)) {
                    from.setSoLinger(true, 0); // a reset, as a peer that forgot the connection answers
                    from.close();
                    to.close();
                    return;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(DroppingProxy::closeQuietly);
    }
}
