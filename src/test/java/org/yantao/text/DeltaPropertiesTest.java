package org.yantao.text;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class DeltaPropertiesTest {

  @Property(tries = 500)
  void concurrentChangesConverge(@ForAll long seed) {
    RandomDeltas random = new RandomDeltas(seed, 6);
    Delta document = random.document();
    Delta a = random.change(document);
    Delta b = random.change(document);

    Delta viaA = document.compose(a).compose(a.transform(b, true));
    Delta viaB = document.compose(b).compose(b.transform(a, false));

    assertThat(viaA).isEqualTo(viaB);
    RichText textA = RichText.of(document);
    textA.apply(a);
    textA.apply(a.transform(b, true));
    RichText textB = RichText.of(document);
    textB.apply(b);
    textB.apply(b.transform(a, false));
    assertThat(textA.toDelta()).isEqualTo(viaA);
    assertThat(textB.toDelta()).isEqualTo(viaA);
  }

  @Property(tries = 500)
  void composeIsAssociativeOnDocuments(@ForAll long seed) {
    RandomDeltas random = new RandomDeltas(seed, 6);
    Delta document = random.document();
    Delta a = random.change(document);
    Delta b = random.change(document.compose(a));

    assertThat(document.compose(a).compose(b)).isEqualTo(document.compose(a.compose(b)));
  }

  @Property(tries = 200)
  void richTextApplyMatchesCompose(@ForAll long seed, @ForAll @IntRange(min = 1, max = 2000) int scale) {
    RandomDeltas random = new RandomDeltas(seed, scale);
    Delta document = random.document();
    RichText text = RichText.of(document);
    for (int i = 0; i < 30; i++) {
      Delta change = random.change(document);
      document = document.compose(change);
      text.apply(change);
      assertThat(text.length()).isEqualTo(document.length());
    }
    assertThat(text.toDelta()).isEqualTo(document);
    assertThat(text.plainText()).isEqualTo(RandomDeltas.plainText(document));
    assertThat(text.copy().toDelta()).isEqualTo(document);
  }

  @Property(tries = 500)
  void transformPositionAgreesWithTransformingAnInsert(@ForAll long seed) {
    RandomDeltas random = new RandomDeltas(seed, 6);
    Delta document = random.document();
    Delta change = random.change(document);
    int index = random.nextInt(document.length() + 1);
    boolean priority = random.nextBoolean();
    Delta insertAtIndex = Delta.builder().retain(index).insert("|").build();

    Delta transformed = change.transform(insertAtIndex, priority);

    // The change winning the tie (priority) pushes the other's insert past its own, which is
    // what transformPosition does without priority.
    assertThat(change.transformPosition(index, !priority)).isEqualTo(insertPosition(transformed));
  }

  private static int insertPosition(Delta delta) {
    int position = 0;
    for (Op op : delta.ops()) {
      if (op instanceof Op.Insert) {
        return position;
      }
      position += op.length();
    }
    throw new AssertionError("no insert in " + delta);
  }
}
