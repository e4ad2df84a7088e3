package org.yantao.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yantao.error.DomainException;
import org.yantao.store.StoredJson;
import org.yantao.workshop.Role;

/** The board's rules, without Hazelcast: each change yields the next board and its event, or nothing. */
class BoardTest {
  private static final Person ZHANG = new Person("p-zhang", "张", "党校", Role.PARTICIPANT, "#d62728");
  private static final Person WANG = new Person("p-wang", "王", "开放大学", Role.PARTICIPANT, "#1f77b4");

  private static Board withIdeas(Board board, String... ids) {
    for (String id : ids) {
      board = board.add(id, "c-" + id, ZHANG, "观点 " + id, null, null, 1).board();
    }
    return board;
  }

  @Test
  void anAddedIdeaIsTrimmedNumberedAndAnonymousByDefault() {
    Board.Applied applied = Board.empty().add("i-1", "c-1", ZHANG, "  加强实践教学  ", "teaching", null, 100);

    assertThat(applied.board().rev()).isEqualTo(1);
    Idea idea = applied.board().requireIdea("i-1");
    assertThat(idea.text()).isEqualTo("加强实践教学");
    assertThat(idea.theme()).isEqualTo("teaching");
    assertThat(idea.anonymous()).isTrue();
    assertThat(idea.createdAt()).isEqualTo(100);
    assertThat(applied.event().kind()).isEqualTo(BoardEvent.Kind.ADDED);
    assertThat(applied.event().rev()).isEqualTo(1);
    assertThat(applied.event().clientId()).isEqualTo("c-1");
  }

  @Test
  void anAddSentAgainAddsNothingAndAnswersWithTheFirstIdea() {
    Board once = Board.empty().add("i-1", "c-1", ZHANG, "一", null, false, 1).board();
    Board twice = withIdeas(once, "i-2");

    Board.Applied again = twice.add("i-other", "c-1", ZHANG, "一", null, false, 5);

    assertThat(again.board()).isSameAs(twice);
    assertThat(again.event().changed()).isFalse();
    assertThat(again.event().rev()).as("the revision of the first add").isEqualTo(1);
    assertThat(again.event().idea().id()).isEqualTo("i-1");
    assertThat(twice.add("i-3", "c-1", WANG, "王的观点", null, null, 6).board().ideas())
        .as("the same client id from someone else is another idea").hasSize(3);
  }

  @Test
  void textMustHoldOneToFiveHundredCharacters() {
    Board board = Board.empty();
    for (String bad : new String[] {"", "   \n\t", "字".repeat(501)}) {
      assertThatThrownBy(() -> board.add("i-1", "c-1", ZHANG, bad, null, null, 1))
          .isInstanceOf(DomainException.class).extracting("code").isEqualTo("idea.text_invalid");
    }
    assertThat(board.add("i-1", "c-1", ZHANG, "字".repeat(500), null, null, 1).board().ideas()).hasSize(1);
    assertThat(board.add("i-1", "c-1", ZHANG, "😀".repeat(500), null, null, 1).board().ideas())
        .as("a character outside the BMP counts once").hasSize(1);
  }

  @Test
  void anonymityIsRefusedWhereTheRoomDoesNotAllowIt() {
    Board named = Board.empty().withSettings(null, null, false).board();

    assertThatThrownBy(() -> named.add("i-1", "c-1", ZHANG, "匿名", null, true, 1))
        .isInstanceOf(DomainException.class).extracting("code").isEqualTo("idea.anonymous_off");
    assertThat(named.add("i-1", "c-1", ZHANG, "署名", null, null, 1).board().requireIdea("i-1").anonymous()).isFalse();
    assertThat(Board.empty().add("i-1", "c-1", ZHANG, "署名", null, false, 1).board().requireIdea("i-1").anonymous())
        .as("an author may sign where anonymity is the default").isFalse();
  }

  @Test
  void votesStopAtTheLimitAndTellTheVoterWhatIsLeft() {
    Board board = withIdeas(Board.empty(), "a", "b", "c", "d");
    for (String id : List.of("a", "b", "c")) {
      Board.Applied voted = board.vote(id, WANG.id());
      assertThat(voted.event().votesLeftOf(WANG.id())).isEqualTo(board.votesLeft(WANG.id()) - 1);
      assertThat(voted.event().votesLeft()).containsOnlyKeys(WANG.id());
      board = voted.board();
    }
    Board full = board;
    assertThatThrownBy(() -> full.vote("d", WANG.id()))
        .isInstanceOf(DomainException.class).extracting("code").isEqualTo("vote.limit");
    assertThat(full.votesLeft(WANG.id())).isZero();
    assertThat(full.votesLeft(ZHANG.id())).isEqualTo(3);
    assertThat(full.rev()).isEqualTo(7);
  }

  @Test
  void withoutStackingOneVotePerIdeaWithStackingSeveral() {
    Board board = withIdeas(Board.empty(), "a").vote("a", WANG.id()).board();
    Board once = board;
    assertThatThrownBy(() -> once.vote("a", WANG.id()))
        .isInstanceOf(DomainException.class).extracting("code").isEqualTo("vote.duplicate");

    Board stacking = board.withSettings(null, true, null).board();
    stacking = stacking.vote("a", WANG.id()).board().vote("a", WANG.id()).board();
    assertThat(stacking.requireIdea("a").votesOf(WANG.id())).isEqualTo(3);
    Board spent = stacking;
    assertThatThrownBy(() -> spent.vote("a", WANG.id()))
        .isInstanceOf(DomainException.class).extracting("code").isEqualTo("vote.limit");
  }

  @Test
  void unvotingGivesTheVoteBackAndNeedsAVote() {
    Board board = withIdeas(Board.empty(), "a").vote("a", WANG.id()).board();
    Board.Applied back = board.unvote("a", WANG.id());
    assertThat(back.board().requireIdea("a").totalVotes()).isZero();
    assertThat(back.event().votesLeftOf(WANG.id())).isEqualTo(3);
    assertThatThrownBy(() -> back.board().unvote("a", WANG.id()))
        .isInstanceOf(DomainException.class).extracting("code").isEqualTo("vote.none");
    assertThatThrownBy(() -> board.vote("nope", WANG.id()))
        .isInstanceOf(DomainException.class).extracting("code").isEqualTo("idea.not_found");
  }

  @Test
  void onlyTheAuthorOrStaffChangeAnIdea() {
    Board board = Board.empty().add("a", "c", ZHANG, "原文", "teaching", null, 1).board();
    assertThatThrownBy(() -> board.edit("a", WANG.id(), false, "改", false, null, 2))
        .isInstanceOf(DomainException.class).extracting("code").isEqualTo("idea.forbidden");
    assertThatThrownBy(() -> board.delete("a", WANG.id(), false))
        .isInstanceOf(DomainException.class).extracting("code").isEqualTo("idea.forbidden");

    Idea edited = board.edit("a", ZHANG.id(), false, " 改过 ", false, null, 2).board().requireIdea("a");
    assertThat(edited.text()).isEqualTo("改过");
    assertThat(edited.theme()).as("a theme not named is kept").isEqualTo("teaching");
    assertThat(edited.updatedAt()).isEqualTo(2);
    assertThat(board.edit("a", "facilitator", true, null, true, null, 3).board().requireIdea("a").theme())
        .as("staff may clear the theme").isNull();
    assertThat(board.delete("a", "facilitator", true).board().ideas()).isEmpty();
  }

  @Test
  void deletingAnIdeaGivesItsVotesBack() {
    Board board = withIdeas(Board.empty(), "a", "b").vote("a", WANG.id()).board().vote("b", WANG.id()).board();
    Board.Applied deleted = board.delete("a", ZHANG.id(), false);
    assertThat(deleted.event().kind()).isEqualTo(BoardEvent.Kind.DELETED);
    assertThat(deleted.event().votesLeft()).isEqualTo(Map.of(WANG.id(), 2));
  }

  @Test
  void loweringTheLimitKeepsCastVotes() {
    Board board = withIdeas(Board.empty(), "a", "b").vote("a", WANG.id()).board().vote("b", WANG.id()).board();
    Board.Applied lowered = board.withSettings(1, null, null);
    assertThat(lowered.board().totalVotes()).isEqualTo(2);
    assertThat(lowered.event().votesLeft()).isEqualTo(Map.of(WANG.id(), 0));
    assertThat(lowered.board().votesLeft(ZHANG.id())).isEqualTo(1);
    assertThatThrownBy(() -> board.withSettings(0, null, null)).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> board.withSettings(51, null, null)).isInstanceOf(DomainException.class);
  }

  @Test
  void aBoardAndItsChangesReadBackAsWritten() {
    Board board = withIdeas(Board.empty(), "a", "b").vote("a", WANG.id()).board();
    assertThat(StoredJson.read(StoredJson.write(board), Board.class)).isEqualTo(board);
    BoardChange add = new BoardChanges.Add("i", "c", ZHANG, "文", null, null, 1);
    assertThat(StoredJson.read(StoredJson.write(add), BoardChanges.Add.class)).isEqualTo(add);
    BoardEvent event = board.vote("b", WANG.id()).event();
    assertThat(StoredJson.read(StoredJson.write(event), BoardEvent.class)).isEqualTo(event);
  }

  @Test
  void aRefusedChangeIsAnsweredAndLeavesTheEntryAlone() {
    Board board = withIdeas(Board.empty(), "a");
    var entry = new java.util.AbstractMap.SimpleEntry<String, Board>("w.r", board);
    BoardOutcome refused = new BoardChanges.Unvote("a", WANG.id()).process(entry);
    assertThat(refused.event()).isNull();
    assertThat(refused.refusal().code()).isEqualTo("vote.none");
    assertThat(entry.getValue()).isSameAs(board);
    assertThat(StoredJson.read(StoredJson.write(refused), BoardOutcome.class)).isEqualTo(refused);

    var fresh = new java.util.AbstractMap.SimpleEntry<String, Board>("w.r", null);
    BoardOutcome added = new BoardChanges.Add("i", "c", ZHANG, "第一条", null, null, 1).process(fresh);
    assertThat(added.event().rev()).as("a board nobody changed yet starts empty").isEqualTo(1);
    assertThat(fresh.getValue().ideas()).hasSize(1);
  }

  @Test
  void eachViewerSeesTheirOwnVotesAndNobodySeesAnAnonymousAuthor() {
    Board board = Board.empty().add("a", "c", ZHANG, "匿名观点", null, null, 1).board().vote("a", WANG.id()).board();

    JsonObject forWang = BoardJson.board("r", board, WANG.id());
    JsonObject forZhang = BoardJson.board("r", board, ZHANG.id());
    assertThat(forWang.getJsonArray("ideas").getJsonObject(0).getInteger("myVotes")).isEqualTo(1);
    assertThat(forZhang.getJsonArray("ideas").getJsonObject(0).getInteger("myVotes")).isZero();
    assertThat(forZhang.getJsonArray("ideas").getJsonObject(0).getInteger("votes")).isEqualTo(1);
    assertThat(forZhang.getJsonArray("ideas").getJsonObject(0).getValue("author")).isNull();
    assertThat(forZhang.getInteger("votesLeft")).isEqualTo(3);
    assertThat(forWang.getInteger("votesLeft")).isEqualTo(2);
    assertThat(forZhang.encode()).doesNotContain(WANG.id()).doesNotContain(ZHANG.id()).doesNotContain("张");
  }
}
