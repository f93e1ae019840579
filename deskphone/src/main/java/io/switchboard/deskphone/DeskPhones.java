package io.switchboard.deskphone;

import io.switchboard.core.model.Address;
import io.switchboard.media.MediaEngine;
import io.switchboard.sip.stack.SipStackException;
import io.switchboard.sip.ua.SipProxy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several desk phones with their HTTP controls, one per user: what the demo starts for its demo
 * users. Each phone sends its own tone ({@link #toneFor(int)}: 400 Hz, 500 Hz, ... up to 3 kHz and
 * round again) so a listener can tell who it hears. Closing closes every phone and control (not
 * the media engine, which the caller owns).
 */
public final class DeskPhones implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeskPhones.class);

    /** One user's phone and its control. */
    public record Station(DeskPhone phone, DeskPhoneControl control) {
    }

    private final List<Station> stations;

    private DeskPhones(List<Station> stations) {
        this.stations = List.copyOf(stations);
    }

    /**
     * Starts one phone per user, each registering {@code user@domain} with {@code password} at
     * {@code proxy}, with its control on an ephemeral loopback port.
     *
     * @param users    the users' local parts (e.g. the demo users)
     * @param password their SIP password (the demo's is "demo")
     * @param policy   when the phones answer by themselves ({@link AutoAnswerPolicy#WHEN_ASKED} for CTI)
     * @param media    the process's media engine; stays the caller's
     * @throws SipStackException if a phone's SIP stack does not start (those started are closed)
     * @throws IOException       if a control cannot listen
     */
    public static DeskPhones startForUsers(Collection<String> users, String password, String domain, SipProxy proxy,
                                           AutoAnswerPolicy policy, MediaEngine media)
            throws SipStackException, IOException {
        List<Station> started = new ArrayList<>();
        try {
            int index = 0;
            for (String user : users) {
                DeskPhoneConfig config = DeskPhoneConfig.of(Address.of(user, domain), password, proxy)
                        .withTone(toneFor(index++)).withAutoAnswer(policy);
                DeskPhone phone = DeskPhone.start(config, media);
                DeskPhoneControl control;
                try {
                    control = DeskPhoneControl.start(phone, 0);
                } catch (IOException | RuntimeException e) {
                    phone.close();
                    throw e;
                }
                started.add(new Station(phone, control));
            }
        } catch (SipStackException | IOException | RuntimeException e) {
            started.forEach(DeskPhones::closeQuietly);
            throw e;
        }
        LOG.info("{} desk phones started: {}", started.size(),
                started.stream().map(s -> s.phone().line() + " " + s.control().url()).toList());
        return new DeskPhones(started);
    }

    /** The tone of the {@code index}-th phone: 400, 500, ... 3000 Hz, then 400 again. */
    public static double toneFor(int index) {
        return 400 + 100 * Math.floorMod(index, 27);
    }

    public List<Station> stations() {
        return stations;
    }

    /** The phone of {@code user} (its local part), if started here. */
    public Optional<Station> station(String user) {
        return stations.stream().filter(s -> s.phone().line().local().equals(user)).findFirst();
    }

    /** Each line and its control URL, e.g. for the demo's start-up message. */
    public Map<Address, java.net.URI> controls() {
        Map<Address, java.net.URI> urls = new java.util.LinkedHashMap<>();
        stations.forEach(s -> urls.put(s.phone().line(), s.control().url()));
        return urls;
    }

    private static void closeQuietly(Station station) {
        station.control().close();
        station.phone().close();
    }

    /**
     * Closes every phone and control at once: each phone unregisters and stops its SIP stack, about a
     * second apiece, so one after the other the demo's 28 phones took half a minute to stop.
     */
    @Override
    public void close() {
        List<Thread> closing = new ArrayList<>();
        for (Station station : stations) {
            Thread thread = new Thread(() -> closeQuietly(station), "deskphone-close-" + station.phone().line().local());
            thread.start();
            closing.add(thread);
        }
        for (Thread thread : closing) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
