package io.switchboard.app.phone;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;

import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The dial box of the main window: what the user types (an address, a {@code sip:} URI or a bare
 * user name of my domain, see {@link DialTarget}) and the call button. Used on the UI thread.
 */
public final class DialViewModel {

    private final PhoneViewModel phone;
    private final Address self;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper typingError = new ReadOnlyStringWrapper(this, "typingError", "");
    private final BooleanBinding canDial;
    private final StringBinding message;
    private final StringBinding prompt;

    public DialViewModel(PhoneViewModel phone, Address self) {
        this.phone = Objects.requireNonNull(phone, "phone");
        this.self = Objects.requireNonNull(self, "self");
        canDial = phone.availableProperty().and(text.isNotEmpty());
        message = Bindings.createStringBinding(
                () -> typingError.get().isEmpty() ? phone.errorProperty().get() : typingError.get(),
                typingError, phone.errorProperty());
        prompt = Bindings.createStringBinding(() -> phone.availableProperty().get()
                        ? "Call a name, address or number" : phone.unavailableReasonProperty().get(),
                phone.availableProperty(), phone.unavailableReasonProperty());
        text.addListener((obs, was, now) -> typingError.set(""));
    }

    public StringProperty textProperty() {
        return text;
    }

    /** True when there is something to call and the phone is ready. */
    public BooleanBinding canDialProperty() {
        return canDial;
    }

    /** Why the last dial failed ("… names nobody", "Cannot call …"), or "". */
    public StringBinding messageProperty() {
        return message;
    }

    /** The field's prompt: what to type, or why calls are not possible yet. */
    public StringBinding promptProperty() {
        return prompt;
    }

    /** Enter or the call button: calls whom the text names and empties the box. */
    public void dial() {
        if (!phone.availableProperty().get() || text.get().isBlank()) {
            return;
        }
        Address who;
        try {
            who = DialTarget.parse(text.get(), self);
        } catch (InvalidAddressException e) {
            typingError.set(e.getMessage());
            return;
        }
        phone.call(who);
        text.set("");
    }

    public void dismissMessage() {
        typingError.set("");
        phone.dismissError();
    }
}
