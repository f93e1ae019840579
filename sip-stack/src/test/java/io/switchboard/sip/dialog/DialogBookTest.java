package io.switchboard.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DialogBookTest {

    private static final String ENTITY = "sip:1001@example.com";
    private final DialogBook book = new DialogBook();

    private static Dialog dialog(String id, DialogState state) {
        return new Dialog(id, "c-" + id, "l", "r", DialogDirection.RECIPIENT, DialogStatus.of(state), null, null, null);
    }

    private static DialogInfo full(long version, Dialog... dialogs) {
        return new DialogInfo(version, DialogInfo.State.FULL, ENTITY, List.of(dialogs));
    }

    private static DialogInfo partial(long version, Dialog... dialogs) {
        return new DialogInfo(version, DialogInfo.State.PARTIAL, ENTITY, List.of(dialogs));
    }

    @Test
    void aFullDocumentReplacesWhatWasKnown() {
        book.apply(full(0, dialog("a", DialogState.EARLY)));
        assertThat(book.apply(full(1, dialog("b", DialogState.CONFIRMED)))).isEqualTo(DialogBook.Outcome.APPLIED);

        assertThat(book.dialogs()).extracting(Dialog::id).containsExactly("b");
    }

    @Test
    void aPartialDocumentUpdatesTheDialogsItNamesAndDropsTerminatedOnes() {
        book.apply(full(0, dialog("a", DialogState.EARLY), dialog("b", DialogState.CONFIRMED)));

        book.apply(partial(1, dialog("a", DialogState.CONFIRMED)));
        assertThat(book.dialogs()).extracting(Dialog::id, Dialog::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", DialogState.CONFIRMED),
                org.assertj.core.groups.Tuple.tuple("b", DialogState.CONFIRMED));

        book.apply(partial(2, dialog("b", DialogState.TERMINATED)));
        assertThat(book.dialogs()).extracting(Dialog::id).containsExactly("a");
    }

    @Test
    void anOldOrRepeatedVersionIsIgnored() {
        book.apply(full(5, dialog("a", DialogState.CONFIRMED)));

        assertThat(book.apply(full(5))).isEqualTo(DialogBook.Outcome.STALE);
        assertThat(book.apply(full(4))).isEqualTo(DialogBook.Outcome.STALE);
        assertThat(book.dialogs()).hasSize(1);
    }

    @Test
    void aPartialDocumentAfterAGapOrFirstMeansOneWasLost() {
        assertThat(book.apply(partial(0, dialog("a", DialogState.EARLY)))).isEqualTo(DialogBook.Outcome.LOST);

        book.apply(full(0));
        assertThat(book.apply(partial(2, dialog("a", DialogState.EARLY)))).isEqualTo(DialogBook.Outcome.LOST);
        assertThat(book.dialogs()).isEmpty();
    }

    @Test
    void aNewSubscriptionCountsAfresh() {
        book.apply(full(9, dialog("a", DialogState.CONFIRMED)));
        book.clear();

        assertThat(book.apply(full(0))).isEqualTo(DialogBook.Outcome.APPLIED);
        assertThat(book.dialogs()).isEmpty();
    }
}
