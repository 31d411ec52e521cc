package io.crisisconsole.playbooks.ui;

import io.crisisconsole.toolkit.Messages;
import io.crisisconsole.toolkit.ui.DisplayConverter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * A form for one flat record of the playbook model, built from the record's components: text as a
 * field (or an area for long text), whole numbers as a checked field, enums as a choice, lists of
 * text as an area with one item per line. {@link #value()} builds the record back through its
 * canonical constructor.
 */
public final class RecordForm<R extends Record> extends GridPane {

    /** Components that hold sentences rather than words. */
    static final Set<String> LONG_TEXT = Set.of("description", "criteria", "duties", "details", "guidance", "text",
            "summary", "role", "acknowledge", "apologize", "admit", "fix", "compensate", "when", "rules");

    private final Class<R> type;
    private final Messages messages;
    private final RecordComponent[] components;
    private final List<Control> controls = new ArrayList<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private boolean loading;

    public RecordForm(Class<R> type, Messages messages) {
        this.type = type;
        this.messages = messages;
        this.components = type.getRecordComponents();
        setHgap(10);
        setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        getColumnConstraints().addAll(labels, new ColumnConstraints());
        getColumnConstraints().get(1).setHgrow(Priority.ALWAYS);
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            Label label = new Label(label(c));
            Control control = controlFor(c);
            control.setId(idFor(type, c));
            control.setMaxWidth(Double.MAX_VALUE);
            addRow(i, label, control);
            controls.add(control);
        }
    }

    /** The label of a component: {@code playbooks.form.field.escalateTo} ("Escalate to"). */
    private String label(RecordComponent c) {
        return messages.get("playbooks.form.field." + c.getName());
    }

    static String idFor(Class<?> type, RecordComponent c) {
        return type.getSimpleName().substring(0, 1).toLowerCase(Locale.ROOT) + type.getSimpleName().substring(1) + "-"
                + c.getName();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Control controlFor(RecordComponent c) {
        Class<?> t = c.getType();
        Control control;
        if (t.isEnum()) {
            ComboBox<Object> box = new ComboBox<>();
            box.getItems().setAll(t.getEnumConstants());
            box.setConverter(DisplayConverter.of(e -> ((Enum<?>) e).name().toLowerCase(Locale.ROOT).replace('_', '-')));
            box.valueProperty().addListener((o, a, b) -> changed());
            control = box;
        } else if (t == Boolean.class || t == boolean.class) {
            CheckBox box = new CheckBox();
            box.selectedProperty().addListener((o, a, b) -> changed());
            control = box;
        } else if (t == List.class || LONG_TEXT.contains(c.getName())) {
            TextArea area = new TextArea();
            area.setWrapText(true);
            area.setPrefRowCount(t == List.class ? 3 : 2);
            if (t == List.class) {
                area.setPromptText(messages.get("playbooks.form.onePerLine"));
            }
            area.textProperty().addListener((o, a, b) -> changed());
            control = area;
        } else {
            TextField field = new TextField();
            if (t == int.class || t == Integer.class) {
                field.setPrefColumnCount(6);
                field.setMaxWidth(120);
            }
            field.textProperty().addListener((o, a, b) -> changed());
            control = field;
        }
        return control;
    }

    private void changed() {
        if (!loading) {
            listeners.forEach(Runnable::run);
        }
    }

    public void onChange(Runnable r) {
        listeners.add(r);
    }

    /** Shows {@code record} (null clears the form). */
    @SuppressWarnings("unchecked")
    public void setValue(R record) {
        loading = true;
        try {
            for (int i = 0; i < components.length; i++) {
                Object v = record == null ? null : read(components[i], record);
                Control control = controls.get(i);
                if (control instanceof ComboBox<?> box) {
                    ((ComboBox<Object>) box).setValue(v);
                } else if (control instanceof CheckBox box) {
                    box.setSelected(Boolean.TRUE.equals(v));
                } else if (components[i].getType() == List.class) {
                    ((TextInputControl) control).setText(v == null ? "" : ((List<?>) v).stream()
                            .map(String::valueOf).collect(Collectors.joining("\n")));
                } else {
                    ((TextInputControl) control).setText(v == null ? "" : String.valueOf(v));
                }
            }
        } finally {
            loading = false;
        }
    }

    /**
     * The record as typed.
     *
     * @throws FormException naming the field when a number is not a whole number
     */
    public R value() {
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            Control control = controls.get(i);
            Class<?> t = c.getType();
            if (control instanceof ComboBox<?> box) {
                args[i] = box.getValue();
            } else if (control instanceof CheckBox box) {
                args[i] = t == boolean.class ? box.isSelected() : box.isSelected() ? Boolean.TRUE : null;
            } else {
                String text = ((TextInputControl) control).getText();
                if (t == List.class) {
                    args[i] = lines(text, elementParser(c));
                } else if (t == Integer.class && text.isBlank()) {
                    args[i] = null; // an optional number left empty
                } else if (t == int.class || t == Integer.class) {
                    try {
                        args[i] = Integer.parseInt(text.strip());
                    } catch (NumberFormatException e) {
                        throw new FormException(messages.get("playbooks.form.notWholeNumber", label(c), text));
                    }
                } else {
                    args[i] = text;
                }
            }
        }
        return construct(type, args);
    }

    private static Function<String, Object> elementParser(RecordComponent c) {
        if (c.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] == Integer.class) {
            return Integer::valueOf;
        }
        return s -> s;
    }

    static List<Object> lines(String text, Function<String, Object> parse) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).map(parse)
                .collect(Collectors.toList());
    }

    static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    static <R extends Record> R construct(Class<R> type, Object[] args) {
        Class<?>[] types = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        try {
            Constructor<R> ctor = type.getDeclaredConstructor(types);
            return ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    /** A field that cannot be turned into the record (the message names it). */
    public static final class FormException extends RuntimeException {
        public FormException(String message) {
            super(message);
        }
    }
}
