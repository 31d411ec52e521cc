package io.crisisconsole.contacts;

import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.ParseWarning;
import ezvcard.io.text.VCardReader;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Categories;
import ezvcard.property.Impp;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Timezone;
import ezvcard.property.Url;
import io.crisisconsole.toolkit.ValidationException;
import java.io.IOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Contacts as vCard (reads 3.0 and 4.0, writes 4.0) with ez-vcard. Fields: FN name (N when FN is
 * missing), TITLE role, ORG organisation, TEL with TYPE as the label, EMAIL, X-SOCIALPROFILE with
 * TYPE=network for handles (IMPP and social-network URLs are read too), TZ as an IANA name, LANG,
 * NOTE, CATEGORIES for the groups (by slug) and {@value #AVAILABILITY} for the availability.
 */
public final class ContactVcard {

    public static final String AVAILABILITY = "X-CRISIS-CONSOLE-AVAILABILITY";
    public static final String SOCIAL_PROFILE = "X-SOCIALPROFILE";
    /** TEL types that describe the kind of line rather than the label a person gave it. */
    private static final Set<String> NOT_A_LABEL = Set.of("pref", "voice");
    private static final Map<String, Network> SOCIAL_HOSTS = Map.of("x.com", Network.X, "twitter.com", Network.X,
            "facebook.com", Network.FACEBOOK, "instagram.com", Network.INSTAGRAM, "linkedin.com", Network.LINKEDIN,
            "t.me", Network.TELEGRAM, "wa.me", Network.WHATSAPP);

    private ContactVcard() {
    }

    /** Reads every card of {@code text}; never throws on bad input. */
    public static ImportRecords read(String fileName, String text) {
        List<Integer> cardLines = cardStartLines(text);
        List<ImportRecords.Located> records = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (VCardReader reader = new VCardReader(text)) {
            int index = 0;
            VCard card;
            while ((card = reader.readNext()) != null) {
                index++;
                int line = index <= cardLines.size() ? cardLines.get(index - 1) : 0;
                String name = cardName(card);
                String ref = "card " + index + (name == null ? "" : " (" + name + ")");
                String where = fileName + (line > 0 ? ":" + line : "") + ": " + ref;
                for (ParseWarning w : reader.getWarnings()) {
                    problems.add(fileName + (w.getLineNumber() == null ? "" : ":" + w.getLineNumber()) + ": " + ref
                            + ": " + (w.getPropertyName() == null ? "" : w.getPropertyName() + ": ") + w.getMessage());
                }
                ContactDetails d = record(card, name, where, problems);
                if (d != null) {
                    records.add(new ImportRecords.Located(where, ref, "EMAIL", d));
                }
            }
            if (index == 0) {
                problems.add(fileName + ": no vCards in the file (each starts with BEGIN:VCARD)");
            }
        } catch (IOException | RuntimeException e) {
            problems.add(fileName + ": not readable as vCard: " + e.getMessage());
        }
        return new ImportRecords(records, problems);
    }

    private static String cardName(VCard card) {
        if (card.getFormattedName() != null && card.getFormattedName().getValue() != null
                && !card.getFormattedName().getValue().isBlank()) {
            return card.getFormattedName().getValue().strip();
        }
        StructuredName n = card.getStructuredName();
        if (n == null) {
            return null;
        }
        String joined = Stream.concat(Stream.concat(n.getPrefixes().stream(), Stream.of(n.getGiven())),
                        Stream.concat(n.getAdditionalNames().stream(), Stream.of(n.getFamily())))
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" "));
        return joined.isBlank() ? null : joined;
    }

    private static ContactDetails record(VCard card, String name, String where, List<String> problems) {
        List<ValidationException> found = new ArrayList<>();
        String n = ContactCsv.field(found, () -> ContactFields.name(name));
        String role = ContactCsv.field(found, () -> ContactFields.roleTitle(card.getTitles().isEmpty() ? null
                : card.getTitles().stream().map(t -> t.getValue()).filter(v -> v != null && !v.isBlank())
                        .collect(Collectors.joining(", "))));
        String org = ContactCsv.field(found, () -> ContactFields.organisation(card.getOrganization() == null ? null
                : card.getOrganization().getValues().stream().filter(v -> v != null && !v.isBlank())
                        .collect(Collectors.joining(", "))));
        List<Phone> phones = new ArrayList<>();
        for (Telephone t : card.getTelephoneNumbers()) {
            String number = t.getText() != null ? t.getText() : t.getUri() == null ? null : t.getUri().getNumber();
            String label = t.getTypes().stream().map(TelephoneType::getValue)
                    .filter(v -> !NOT_A_LABEL.contains(v.toLowerCase(Locale.ROOT))).collect(Collectors.joining(" "));
            Phone p = ContactCsv.field(found, () -> new Phone(label, number));
            if (p != null) {
                phones.add(p);
            }
        }
        // a set: a card with thousands of EMAIL lines must not take a list search per line
        Set<String> addresses = new java.util.LinkedHashSet<>();
        for (ezvcard.property.Email e : card.getEmails()) {
            String address = ContactCsv.field(found, () -> ContactFields.email(e.getValue()));
            if (address != null && !addresses.add(address)) {
                found.add(new ValidationException("emails", "'" + address + "' is listed twice"));
            }
        }
        List<String> emails = new ArrayList<>(addresses);
        List<Handle> handles = handles(card, found);
        String zone = ContactCsv.field(found, () -> timeZone(card.getTimezone()));
        String lang = ContactCsv.field(found, () -> ContactFields.language(card.getLanguages().isEmpty() ? null
                : card.getLanguages().get(0).getValue()));
        RawProperty availability = card.getExtendedProperty(AVAILABILITY);
        String avail = ContactCsv.field(found,
                () -> ContactFields.availability(availability == null ? null : availability.getValue()));
        Set<ContactGroup> groups = EnumSet.noneOf(ContactGroup.class);
        for (Categories c : card.getCategoriesList()) {
            groups.addAll(ContactFields.groups(String.join(";", c.getValues()), ";", found));
        }
        String notes = ContactCsv.field(found, () -> ContactFields.notes(card.getNotes().stream()
                .map(x -> x.getValue()).filter(v -> v != null && !v.isBlank()).collect(Collectors.joining("\n\n"))));
        if (found.isEmpty()) {
            try {
                ContactDetails d = new ContactDetails(n, role, org, phones, emails, handles, zone, lang, avail, groups,
                        notes);
                found.addAll(d.plainTextProblems());
                if (found.isEmpty()) {
                    return d;
                }
            } catch (ValidationException e) {
                found.add(e);
            }
        }
        for (ValidationException e : found) {
            problems.add(where + ": " + property(e.field()) + ": " + e.getMessage());
        }
        return null;
    }

    /** The vCard property a field comes from, for problem lines. */
    private static String property(String field) {
        switch (field) {
            case "name":
                return "FN";
            case "role_title":
                return "TITLE";
            case "organisation":
                return "ORG";
            case "phones":
                return "TEL";
            case "emails":
                return "EMAIL";
            case "handles":
                return SOCIAL_PROFILE + "/IMPP";
            case "time_zone":
                return "TZ";
            case "language":
                return "LANG";
            case "availability":
                return AVAILABILITY;
            case "groups":
                return "CATEGORIES";
            case "notes":
                return "NOTE";
            default:
                return field;
        }
    }

    private static List<Handle> handles(VCard card, List<ValidationException> found) {
        List<Handle> out = new ArrayList<>();
        for (RawProperty p : card.getExtendedProperties(SOCIAL_PROFILE)) {
            String type = p.getParameters().getType();
            Network network = Network.find(type).orElse(Network.OTHER);
            String value = p.getValue();
            if (network == Network.OTHER && type != null && !type.equalsIgnoreCase("other")) {
                value = type + ":" + value; // keep what kind of profile it was
            }
            String v = value;
            Handle h = ContactCsv.field(found, () -> new Handle(network, v));
            if (h != null) {
                out.add(h);
            }
        }
        for (Impp impp : card.getImpps()) {
            Network network = Network.find(impp.getProtocol()).orElse(Network.OTHER);
            String value = network == Network.OTHER ? String.valueOf(impp.getUri()) : impp.getHandle();
            Handle h = ContactCsv.field(found, () -> new Handle(network, value));
            if (h != null) {
                out.add(h);
            }
        }
        for (Url url : card.getUrls()) {
            Network network = socialNetwork(url.getValue());
            if (network != null) {
                Handle h = ContactCsv.field(found, () -> new Handle(network, url.getValue()));
                if (h != null) {
                    out.add(h);
                }
            }
        }
        return out;
    }

    /** The network of a profile URL (https://www.linkedin.com/in/...), or null for other addresses. */
    static Network socialNetwork(String url) {
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            return SOCIAL_HOSTS.get(host);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /**
     * TZ as an IANA name; a whole-hour UTC offset (vCard 3 style) becomes the fixed zone
     * {@code Etc/GMT-2} for +02:00 (the Etc names have the sign reversed).
     */
    private static String timeZone(Timezone tz) {
        if (tz == null) {
            return null;
        }
        if (tz.getText() != null && !tz.getText().isBlank()) {
            return ContactFields.timeZone(tz.getText());
        }
        ZoneOffset offset = tz.getOffset();
        if (offset == null) {
            return null;
        }
        int seconds = offset.getTotalSeconds();
        if (seconds == 0) {
            return "UTC";
        }
        if (seconds % 3600 != 0) {
            throw new ValidationException("time_zone", "the offset " + offset + " has no time-zone name; write the "
                    + "IANA name instead (e.g. Asia/Kolkata)");
        }
        int hours = seconds / 3600;
        return ContactFields.timeZone("Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours));
    }

    /** Lines (from 1) where the top-level cards begin. */
    static List<Integer> cardStartLines(String text) {
        List<Integer> out = new ArrayList<>();
        int depth = 0;
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip().toUpperCase(Locale.ROOT);
            if (l.equals("BEGIN:VCARD")) {
                if (depth == 0) {
                    out.add(i + 1);
                }
                depth++;
            } else if (l.equals("END:VCARD") && depth > 0) {
                depth--;
            }
        }
        return out;
    }

    /** The contacts as vCard 4.0 text. */
    public static String write(List<Contact> contacts) {
        List<VCard> cards = new ArrayList<>();
        for (Contact c : contacts) {
            cards.add(card(c));
        }
        return Ezvcard.write(cards).version(VCardVersion.V4_0).prodId(false).go();
    }

    private static VCard card(Contact c) {
        VCard card = new VCard();
        card.setFormattedName(c.name());
        if (c.roleTitle() != null) {
            card.addTitle(c.roleTitle());
        }
        if (c.organisation() != null) {
            card.setOrganization(c.organisation());
        }
        for (Phone p : c.phones()) {
            Telephone t = new Telephone(p.number());
            if (p.label() != null) {
                t.getTypes().add(TelephoneType.get(p.label()));
            }
            card.addTelephoneNumber(t);
        }
        for (String e : c.emails()) {
            card.addEmail(e);
        }
        for (Handle h : c.handles()) {
            RawProperty p = card.addExtendedProperty(SOCIAL_PROFILE, h.handle());
            p.getParameters().setType(h.network().slug());
        }
        if (c.timeZone() != null) {
            card.setTimezone(new Timezone(c.timeZone()));
        }
        if (c.language() != null) {
            card.addLanguage(c.language());
        }
        if (c.availability() != null) {
            card.addExtendedProperty(AVAILABILITY, c.availability());
        }
        if (!c.groups().isEmpty()) {
            Categories categories = new Categories();
            c.groups().forEach(g -> categories.getValues().add(g.slug()));
            card.setCategories(categories);
        }
        if (c.notes() != null) {
            card.addNote(c.notes());
        }
        return card;
    }
}
