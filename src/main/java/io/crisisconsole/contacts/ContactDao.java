package io.crisisconsole.contacts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The contact tables. The service keeps a contact and its child rows consistent in one transaction. */
@RegisterConstructorMapper(ContactRow.class)
@RegisterConstructorMapper(ContactRow.Phone.class)
@RegisterConstructorMapper(ContactRow.Email.class)
@RegisterConstructorMapper(ContactRow.Handle.class)
@RegisterConstructorMapper(ContactRow.Group.class)
public interface ContactDao {

    @SqlUpdate("""
            INSERT INTO contact (name, role_title, organisation, time_zone, language, availability, notes,
                                 created_at, updated_at)
            VALUES (:d.name, :d.roleTitle, :d.organisation, :d.timeZone, :d.language, :d.availability, :d.notes,
                    :now, :now)
            """)
    @GetGeneratedKeys("id")
    long insert(@BindMethods("d") ContactDetails d, Instant now);

    /** Optimistic update: returns 0 when someone else changed the contact since {@code version}. */
    @SqlUpdate("""
            UPDATE contact
               SET name = :d.name, role_title = :d.roleTitle, organisation = :d.organisation,
                   time_zone = :d.timeZone, language = :d.language, availability = :d.availability,
                   notes = :d.notes, updated_at = :now, version = version + 1
             WHERE id = :id AND version = :version
            """)
    int update(long id, int version, @BindMethods("d") ContactDetails d, Instant now);

    @SqlUpdate("DELETE FROM contact WHERE id = :id")
    int delete(long id);

    @SqlQuery("SELECT * FROM contact WHERE id = :id")
    Optional<ContactRow> find(long id);

    @SqlQuery("SELECT * FROM contact ORDER BY LOWER(name), id")
    List<ContactRow> listByName();

    @SqlQuery("SELECT contact_id FROM contact_email WHERE address = :address")
    Optional<Long> idByEmail(String address);

    @SqlQuery("SELECT contact_id FROM contact_email WHERE address IN (<addresses>)")
    List<Long> idsByEmails(@BindList("addresses") Collection<String> addresses);

    @SqlQuery("SELECT contact_id FROM contact_group WHERE grp = :group")
    List<Long> idsInGroup(ContactGroup group);

    // --- child rows

    @SqlQuery("SELECT contact_id, label, number FROM contact_phone WHERE contact_id = :id ORDER BY sort_order")
    List<ContactRow.Phone> phones(long id);

    @SqlQuery("SELECT contact_id, label, number FROM contact_phone ORDER BY contact_id, sort_order")
    List<ContactRow.Phone> allPhones();

    @SqlQuery("SELECT contact_id, address FROM contact_email WHERE contact_id = :id ORDER BY sort_order")
    List<ContactRow.Email> emails(long id);

    @SqlQuery("SELECT contact_id, address FROM contact_email ORDER BY contact_id, sort_order")
    List<ContactRow.Email> allEmails();

    @SqlQuery("SELECT contact_id, network, handle FROM contact_handle WHERE contact_id = :id ORDER BY sort_order")
    List<ContactRow.Handle> handles(long id);

    @SqlQuery("SELECT contact_id, network, handle FROM contact_handle ORDER BY contact_id, sort_order")
    List<ContactRow.Handle> allHandles();

    @SqlQuery("SELECT contact_id, grp FROM contact_group WHERE contact_id = :id")
    List<ContactRow.Group> groups(long id);

    @SqlQuery("SELECT contact_id, grp FROM contact_group")
    List<ContactRow.Group> allGroups();

    @SqlUpdate("INSERT INTO contact_phone (contact_id, sort_order, label, number) VALUES (:id, :order, :p.label, :p.number)")
    void insertPhone(long id, int order, @BindMethods("p") Phone p);

    @SqlUpdate("INSERT INTO contact_email (contact_id, sort_order, address) VALUES (:id, :order, :address)")
    void insertEmail(long id, int order, String address);

    @SqlUpdate("INSERT INTO contact_handle (contact_id, sort_order, network, handle) VALUES (:id, :order, :h.network, :h.handle)")
    void insertHandle(long id, int order, @BindMethods("h") Handle h);

    @SqlUpdate("INSERT INTO contact_group (contact_id, grp) VALUES (:id, :group)")
    void insertGroup(long id, ContactGroup group);

    @SqlUpdate("DELETE FROM contact_phone WHERE contact_id = :id")
    void deletePhones(long id);

    @SqlUpdate("DELETE FROM contact_email WHERE contact_id = :id")
    void deleteEmails(long id);

    @SqlUpdate("DELETE FROM contact_handle WHERE contact_id = :id")
    void deleteHandles(long id);

    @SqlUpdate("DELETE FROM contact_group WHERE contact_id = :id")
    void deleteGroups(long id);
}
