package io.crisisconsole.cli;

import io.crisisconsole.contacts.Contact;
import io.crisisconsole.contacts.ContactGroup;
import io.crisisconsole.contacts.ContactService;
import io.crisisconsole.contacts.ContactTransfer;
import io.crisisconsole.contacts.ContactTransfer.Format;
import io.crisisconsole.contacts.ContactTransfer.ImportResult;
import io.crisisconsole.services.Services;
import io.crisisconsole.store.DataHome;
import io.crisisconsole.toolkit.PlainText;
import io.crisisconsole.toolkit.ValidationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "contacts", description = "Import, export and list contacts.", mixinStandardHelpOptions = true)
final class ContactCommands extends CommandGroup {

    ContactCommands() {
        super("import, export or list");
    }

    /** A command on the contacts in the store; opens it for the command and closes it after. */
    abstract static class ContactsCommand extends StoreCommand {
        ContactsCommand(Cli cli) {
            super(cli);
        }

        @Override
        final int run(DataHome home, Services services) throws Exception {
            return run(services.contacts(), services.contactTransfer());
        }

        abstract int run(ContactService contacts, ContactTransfer transfer) throws Exception;
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import contacts from a .csv or .vcf file; prints who was added or updated.",
                    "The whole file is checked first: with any problem, all of them are printed (file:line: what)",
                    "and nothing is imported (exit 2). A contact whose e-mail address is already known is updated."})
    static final class Import extends ContactsCommand {
        @Parameters(paramLabel = "FILE", description = "A .csv (see README for the columns) or .vcf file.")
        Path file;

        Import(Cli cli) {
            super(cli);
        }

        @Override
        int run(ContactService contacts, ContactTransfer transfer) {
            ImportResult result = transfer.importFile(file);
            if (!result.ok()) {
                result.problems().forEach(p -> cli.err.println(Cli.oneLine(p)));
                cli.err.println("error: " + result.problems().size()
                        + (result.problems().size() == 1 ? " problem" : " problems") + "; nothing was imported");
                return Cli.BAD_INPUT;
            }
            result.summary().added().forEach(name -> cli.out.println("added    " + PlainText.cell(name)));
            result.summary().updated().forEach(name -> cli.out.println("updated  " + PlainText.cell(name)
                    + " (matched by e-mail)"));
            cli.out.println(result.summary().counts());
            return Cli.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every contact to a CSV or vCard 4.0 file (replacing it).")
    static final class Export extends ContactsCommand {
        @Option(names = "--format", paramLabel = "csv|vcf", description = "File format (default: by the extension of --out).")
        String format;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write.")
        Path out;

        Export(Cli cli) {
            super(cli);
        }

        @Override
        int run(ContactService contacts, ContactTransfer transfer) throws Exception {
            Format f = format != null ? Format.parse(format) : Format.ofFile(out);
            if (f == null) {
                throw new ValidationException("format", "say --format csv or --format vcf (or end --out with .csv or .vcf)");
            }
            int count = transfer.exportFile(out, f);
            cli.out.println("Exported " + count + (count == 1 ? " contact" : " contacts") + " to "
                    + PlainText.cell(out.toString()));
            return Cli.OK;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List contacts by name.")
    static final class ListContacts extends ContactsCommand {
        @Option(names = "--json", description = "Print JSON.")
        boolean asJson;
        @Option(names = "--group", paramLabel = "GROUP", description = "Only this group: crisis-team, spokespeople, "
                + "customer-care, legal, executives, media, agencies or specialists.")
        String group;

        ListContacts(Cli cli) {
            super(cli);
        }

        @Override
        int run(ContactService contacts, ContactTransfer transfer) throws Exception {
            List<Contact> list;
            if (group == null) {
                list = contacts.list();
            } else {
                ContactGroup g = ContactGroup.find(group).orElseThrow(() -> new ValidationException("group",
                        "unknown group '" + group + "' (one of " + ContactGroup.slugs() + ")"));
                list = contacts.membersOf(g);
            }
            if (asJson) {
                cli.out.println(cli.json.writeValueAsString(list));
                return Cli.OK;
            }
            if (list.isEmpty()) {
                cli.out.println(group == null ? "No contacts yet. Import some with: contacts import FILE"
                        : "No contacts in " + group + ".");
                return Cli.OK;
            }
            String row = "%-28s %-24s %-24s %-28s %s";
            cli.out.println(String.format(Locale.ROOT, row, "NAME", "ROLE", "ORGANISATION", "GROUPS", "PHONE"));
            for (Contact c : list) {
                cli.out.println(String.format(Locale.ROOT, row, PlainText.cell(c.name()), orDash(c.roleTitle()),
                        orDash(c.organisation()), c.groups().isEmpty() ? "-" : c.groups().stream()
                                .map(ContactGroup::slug).collect(Collectors.joining(",")),
                        c.firstPhone() == null ? "-" : PlainText.cell(c.firstPhone().number())).stripTrailing());
            }
            return Cli.OK;
        }

        private static String orDash(String s) {
            return s == null ? "-" : PlainText.cell(s);
        }
    }
}
