package org.yantao.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.yantao.testing.OtClient;
import org.yantao.testing.RandomEdits;

/**
 * The protocol without a network: clients edit, send, receive in random interleavings against one
 * {@link DocumentState}, and everyone ends with the server's content.
 */
class ClientServerSimulationTest {

  private record Sent(int client, String id, long base, Delta delta) {}

  @Property(tries = 300)
  void clientsAndServerConverge(@ForAll long seed) {
    Random random = new Random(seed);
    Delta initial = Delta.builder().insert("教学").insert("\n", Map.of("header", 2)).insert("\n").build();
    DocumentState server = DocumentState.create("doc", initial);
    int n = 2 + random.nextInt(3);
    List<OtClient> clients = new ArrayList<>();
    List<ArrayDeque<LoggedOp>> inboxes = new ArrayList<>();
    int[] named = {0};
    for (int i = 0; i < n; i++) {
      clients.add(new OtClient(initial, 0, () -> "op" + (++named[0])));
      inboxes.add(new ArrayDeque<>());
    }
    ArrayDeque<Sent> wire = new ArrayDeque<>();
    for (int step = 0; step < 300; step++) {
      int c = random.nextInt(n);
      OtClient client = clients.get(c);
      switch (random.nextInt(3)) {
        case 0 -> {
          Delta op = client.edit(RandomEdits.change(client.doc().plainText(), random, RandomEdits.Script.MIXED));
          if (op != null) {
            wire.add(new Sent(c, client.inflightId(), client.inflightBase(), op));
          }
        }
        case 1 -> {
          if (!wire.isEmpty()) {
            Sent sent = wire.poll();
            ApplyOutcome outcome = server.apply(sent.id(), "a" + sent.client(), "c" + sent.client(), sent.base(), sent.delta(), 0);
            assertThat(outcome.status()).as(outcome.toString()).isEqualTo(ApplyOutcome.Status.APPLIED);
            inboxes.forEach(inbox -> inbox.add(server.lastOp()));
          }
        }
        default -> deliver(clients.get(c), inboxes.get(c), c, wire);
      }
    }
    while (!wire.isEmpty() || inboxes.stream().anyMatch(i -> !i.isEmpty()) || clients.stream().anyMatch(cl -> !cl.synced())) {
      for (int c = 0; c < n; c++) {
        deliver(clients.get(c), inboxes.get(c), c, wire);
      }
      while (!wire.isEmpty()) {
        Sent sent = wire.poll();
        ApplyOutcome outcome = server.apply(sent.id(), "a" + sent.client(), "c" + sent.client(), sent.base(), sent.delta(), 0);
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(ApplyOutcome.Status.APPLIED);
        inboxes.forEach(inbox -> inbox.add(server.lastOp()));
      }
    }
    for (OtClient client : clients) {
      assertThat(client.doc().toDelta()).isEqualTo(server.content().toDelta());
    }
  }

  private static void deliver(OtClient client, ArrayDeque<LoggedOp> inbox, int c, ArrayDeque<Sent> wire) {
    LoggedOp op = inbox.poll();
    if (op == null) {
      return;
    }
    if (op.origin().equals("c" + c)) {
      assertThat(client.acknowledged(op.id(), op.rev())).isTrue();
      Delta next = client.takePending();
      if (next != null) {
        wire.add(new Sent(c, client.inflightId(), client.inflightBase(), next));
      }
    } else {
      client.remote(op.rev(), op.delta());
    }
  }
}
