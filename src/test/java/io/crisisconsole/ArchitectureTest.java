package io.crisisconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.crisisconsole.timeline.TimelineDao;

/**
 * The layering of the code base, checked on the compiled main classes in every build. No frozen
 * violations: a rule that fails here is fixed in the code, not recorded as an exception.
 */
@AnalyzeClasses(packages = "io.crisisconsole", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** app, cases, cli, composer, contacts, playbooks, store, timeline, toolkit, ...: a layered graph. */
    @ArchTest
    static final ArchRule noCyclesBetweenTopLevelPackages = slices().matching("io.crisisconsole.(*)..")
            .should().beFreeOfCycles();

    /** app/ is the composition root: it wires everything, nothing reaches up into it. */
    @ArchTest
    static final ArchRule nothingDependsOnTheCompositionRoot = noClasses()
            .that().resideOutsideOfPackage("io.crisisconsole.app..")
            .should().dependOnClassesThat().resideInAPackage("io.crisisconsole.app..");

    /** JavaFX (and the FX control libraries) only in ui packages and app/: logic is testable without a toolkit. */
    @ArchTest
    static final ArchRule javafxOnlyInUi = noClasses()
            .that().resideOutsideOfPackages("..ui..", "io.crisisconsole.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.controlsfx..",
                    "org.kordamp.ikonli.javafx..");

    /** The toolkit serves every feature and imports none of them. */
    @ArchTest
    static final ArchRule toolkitImportsNoFeature = noClasses()
            .that().resideInAPackage("io.crisisconsole.toolkit..")
            .should().dependOnClassesThat(outsideToolkit());

    /**
     * SQL through Jdbi only in DAOs and services, in the store that opens the database, and in
     * services/, which hands the store's Jdbi to the services it builds.
     */
    @ArchTest
    static final ArchRule jdbiOnlyInDaosAndServices = noClasses()
            .that().resideOutsideOfPackages("io.crisisconsole.store..", "io.crisisconsole.services..")
            .and(DescribedPredicate.not(daoOrService()))
            .should().dependOnClassesThat().resideInAPackage("org.jdbi..");

    /**
     * The unlocked store key stays in store/: the window and the command line hand credentials to
     * {@code store.StoreOpener} and get an outcome back, never the key or its H2 file password.
     */
    @ArchTest
    static final ArchRule keyMaterialStaysInTheStore = noClasses()
            .that().resideOutsideOfPackage("io.crisisconsole.store..")
            .should().dependOnClassesThat().haveFullyQualifiedName("io.crisisconsole.store.crypto.MasterKey");

    /** The timeline is appended to and read through timeline.TimelineService alone. */
    @ArchTest
    static final ArchRule onlyTheTimelineUsesItsDao = noClasses()
            .that().resideOutsideOfPackage("io.crisisconsole.timeline..")
            .should().dependOnClassesThat().belongToAnyOf(TimelineDao.class);

    /** Services are built once, in services.Services; no service (nor the window or the CLI) builds one. */
    @ArchTest
    static final ArchRule servicesAreBuiltInOnePlace = noClasses()
            .that().resideOutsideOfPackage("io.crisisconsole.services..")
            .should().callConstructorWhere(serviceConstructor());

    /** services/ sits below app/ and cli/ and above the features: no UI, no app, no CLI in it. */
    @ArchTest
    static final ArchRule servicesAreBelowTheWindowAndTheCli = noClasses()
            .that().resideInAPackage("io.crisisconsole.services..")
            .should().dependOnClassesThat().resideInAnyPackage("..ui..", "io.crisisconsole.app..",
                    "io.crisisconsole.cli..", "javafx..");

    /** Only the window and the command line use services/. */
    @ArchTest
    static final ArchRule onlyTheWindowAndTheCliUseServices = noClasses()
            .that().resideOutsideOfPackages("io.crisisconsole.app..", "io.crisisconsole.cli..",
                    "io.crisisconsole.services..")
            .should().dependOnClassesThat().resideInAPackage("io.crisisconsole.services..");

    /**
     * A feature's DAOs belong to it: code of another feature (and review, rehearsal...) reads
     * through that feature's service, never through its DAO, and never writes its tables.
     */
    @ArchTest
    static final ArchRule daosAreUsedOnlyByTheirOwnFeature = classes()
            .should(new ArchCondition<JavaClass>("use only the DAOs of their own top-level package") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    for (Dependency d : c.getDirectDependenciesFromSelf()) {
                        JavaClass target = d.getTargetClass();
                        if (topLevel(target).getSimpleName().endsWith("Dao") && !c.getPackageName().equals("")
                                && target.getPackageName().startsWith("io.crisisconsole.")
                                && !feature(target).equals(feature(c))) {
                            events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                        }
                    }
                }
            });

    /** Logging through SLF4J only. */
    @ArchTest
    static final ArchRule slf4jOnly = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("java.util.logging..", "org.apache.commons.logging..",
                    "org.apache.log4j..", "org.apache.logging.log4j..", "org.tinylog..");

    private static DescribedPredicate<JavaClass> daoOrService() {
        return DescribedPredicate.describe("a DAO or a service", c -> {
            String top = topLevel(c).getSimpleName();
            return top.endsWith("Dao") || top.endsWith("Service");
        });
    }

    private static DescribedPredicate<JavaConstructorCall> serviceConstructor() {
        return DescribedPredicate.describe("the class built is a service", call -> {
            JavaClass owner = call.getTargetOwner();
            return owner.getPackageName().startsWith("io.crisisconsole.") && owner.getSimpleName().endsWith("Service");
        });
    }

    private static DescribedPredicate<JavaClass> outsideToolkit() {
        return DescribedPredicate.describe("classes of the app outside the toolkit",
                c -> c.getPackageName().startsWith("io.crisisconsole.")
                        && !c.getPackageName().startsWith("io.crisisconsole.toolkit"));
    }

    /** The top-level package under io.crisisconsole: cases, playbooks, store, ... */
    private static String feature(JavaClass c) {
        String rest = c.getPackageName().substring("io.crisisconsole".length());
        rest = rest.startsWith(".") ? rest.substring(1) : rest;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) {
            t = t.getEnclosingClass().get();
        }
        return t;
    }
}
