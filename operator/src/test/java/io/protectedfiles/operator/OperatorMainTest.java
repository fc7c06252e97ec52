package io.protectedfiles.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorMainTest {

  @Test
  void leaderElectionIsOffUnlessAskedFor() {
    assertThat(OperatorMain.leaderElection(Map.of())).isEmpty();
    assertThat(OperatorMain.leaderElection(Map.of("PFS_LEADER_ELECTION", "false", "POD_NAMESPACE", "pfs"))).isEmpty();
  }

  @Test
  void leaderElectionUsesTheChartsLeaseInThePodsNamespace() {
    var election = OperatorMain.leaderElection(Map.of(
        "PFS_LEADER_ELECTION", "true", "PFS_LEADER_ELECTION_LEASE", "pfs-lease", "POD_NAMESPACE", "pfs-system"));

    assertThat(election).hasValueSatisfying(e -> {
      assertThat(e.getLeaseName()).isEqualTo("pfs-lease");
      assertThat(e.getLeaseNamespace()).hasValue("pfs-system");
    });
  }

  @Test
  void leaderElectionNeedsToKnowTheNamespace() {
    assertThatThrownBy(() -> OperatorMain.leaderElection(Map.of("PFS_LEADER_ELECTION", "true")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("POD_NAMESPACE");
  }
}
