package io.switchboard.xmpp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.jivesoftware.smack.AsyncButOrdered;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.Test;

class RosterPresenceThreadTest {

    @Test
    void theRosterRunsPresenceForThousandsOfContactsOnOneThreadInOrderPerContact() throws Exception {
        XMPPTCPConnection connection = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain("example.com").setUsernameAndPassword("u", "p").build());
        Roster roster = Roster.getInstanceFor(connection);

        ExecutorService executor = RosterPresenceThread.confine(roster, "test-roster");
        assertThat(executor).as("Smack 4.4's roster has the field").isNotNull();

        Field field = Roster.class.getDeclaredField(RosterPresenceThread.FIELD);
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        AsyncButOrdered<BareJid> ordered = (AsyncButOrdered<BareJid>) field.get(roster);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<List<Integer>> seen = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(2_000 * 3);
        for (int c = 0; c < 2_000; c++) {
            List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
            seen.add(order);
            BareJid contact = JidCreate.bareFrom("contact" + c + "@example.com");
            for (int i = 0; i < 3; i++) {
                int n = i;
                ordered.performAsyncButOrdered(contact, () -> {
                    threads.add(Thread.currentThread().getName());
                    order.add(n);
                    done.countDown();
                });
            }
        }

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(threads).containsExactly("test-roster");
        assertThat(seen).allSatisfy(order -> assertThat(order).containsExactly(0, 1, 2));
        executor.shutdown();
    }
}
