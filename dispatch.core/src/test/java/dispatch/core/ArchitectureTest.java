package dispatch.core;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The core's packages as layers: no package cycle, the runtime free of OSGi, and the runtime's
 * bottom two layers (the queues, then scheduling) know nothing of what is built on them, so
 * that each can be read and changed on its own. What the API and the modules may import is checked in dispatch.itest,
 * which sees every bundle.
 */
public class ArchitectureTest {

    private static final String QUEUE = "dispatch.core.runtime.queue";
    private static final String SCHEDULING = "dispatch.core.runtime.scheduling";

    private static JavaClasses core;

    @BeforeClass
    public static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dispatch.core");
    }

    @Test
    public void thePackagesFormNoCycle() {
        // every package its own slice: runtime and runtime.queue are two
        slices().matching("dispatch.core.(**)").should().beFreeOfCycles().check(core);
    }

    @Test
    public void theRuntimeIsPlainJava() {
        noClasses().that().resideInAPackage("dispatch.core.runtime..")
                .should().dependOnClassesThat().resideInAPackage("org.osgi..")
                .because("the runtime runs embedded and in benchmarks without a framework;"
                        + " dispatch.core.boot publishes it as a service")
                .check(core);
    }

    @Test
    public void theQueuesImportOnlyTheJdk() {
        classes().that().resideInAPackage(QUEUE)
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", QUEUE))
                .check(core);
    }

    @Test
    public void schedulingImportsOnlyTheJdkAndTheQueues() {
        classes().that().resideInAPackage(SCHEDULING)
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", QUEUE, SCHEDULING))
                .check(core);
    }
}
