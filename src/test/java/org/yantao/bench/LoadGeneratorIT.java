package org.yantao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A few seconds of the load generator against the packaged server, so that it keeps working as the
 * protocol changes. It checks correctness only — timings belong in docs/benchmarks.md.
 */
class LoadGeneratorIT {
  private static final int ROOMS = 2;
  private static final int PARTICIPANTS = 3;

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void everyEditReachesEveryoneInItsRoomAndEveryReplicaMatchesTheServer(boolean chinese) throws Exception {
    List<String> args = new ArrayList<>(List.of("--rooms=" + ROOMS, "--participants=" + PARTICIPANTS, "--rate=5", "--seconds=3", "--warmup=1"));
    if (chinese) {
      args.add("--chinese");
    }
    LoadSettings settings = LoadSettings.parse(args.toArray(String[]::new));

    LoadResult result = LoadGenerator.run(settings);

    long typed = (long) ROOMS * PARTICIPANTS * settings.editsPerParticipant();
    assertThat(result.edits()).as("edits typed").isEqualTo(typed);
    assertThat(result.deliveries()).as("each edit applied by every other participant of its room")
        .isEqualTo(typed * (PARTICIPANTS - 1));
    assertThat(result.lostDeliveries()).isZero();
    assertThat(result.duplicateDeliveries()).isZero();
    assertThat(result.errors()).as("errors %s", result.problems()).isZero();
    assertThat(result.disconnects()).isZero();
    assertThat(result.replicas()).isEqualTo(ROOMS * PARTICIPANTS);
    assertThat(result.mismatches()).as("replicas unlike the server's document: %s", result.problems()).isZero();
    assertThat(result.passed()).isTrue();
  }
}
