package io.crisisconsole;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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

    /** SQL through Jdbi only in DAOs and services, and in the store that opens the database. */
    @ArchTest
    static final ArchRule jdbiOnlyInDaosAndServices = noClasses()
            .that().resideOutsideOfPackage("io.crisisconsole.store..")
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

    private static DescribedPredicate<JavaClass> outsideToolkit() {
        return DescribedPredicate.describe("classes of the app outside the toolkit",
                c -> c.getPackageName().startsWith("io.crisisconsole.")
                        && !c.getPackageName().startsWith("io.crisisconsole.toolkit"));
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass t = c;
        while (t.getEnclosingClass().isPresent()) {
            t = t.getEnclosingClass().get();
        }
        return t;
    }
}
