package dispatch.itest.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.Assert.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.TreeSet;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * What each bundle's code may use, checked on the classes of the bundles this module tests
 * (the API, the modules, the example): the API stays free of any implementation, and a module
 * sees the platform only through the API, so that it can be stopped, swapped and updated
 * alone. The core's own layering is checked in dispatch.core.
 */
public class BundleBoundariesTest {

    private static JavaClasses classes;

    @BeforeClass
    public static void importBundles() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dispatch.api", "dispatch.module", "dispatch.example");
    }

    @Test
    public void theApiImportsNoImplementation() {
        classes().that().resideInAPackage("dispatch.api..")
                .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "org.osgi.annotation..",
                        "org.osgi.service.component.annotations..", "dispatch.api.."))
                .because("the API bundle is what every module compiles against: annotations of OSGi aside (the"
                        + " bundle and versioning ones, and DS's @ComponentPropertyType on DispatchModule and"
                        + " GogoCommand, all kept in the class file only, so the bundle imports none of them),"
                        + " it must not pull an implementation (or a framework) into them")
                .check(classes);
    }

    @Test
    public void aModuleImportsOnlyTheApiAndItself() {
        Set<String> modules = new TreeSet<>();
        for (JavaClass type : classes) {
            String module = moduleOf(type.getPackageName());
            if (module != null) {
                modules.add(module);
            }
        }
        // a module missing from the class path would pass unseen
        assertTrue("modules found: " + modules, modules.containsAll(Set.of("dispatch.module.clock",
                "dispatch.module.sql", "dispatch.module.http", "dispatch.module.event", "dispatch.module.store",
                "dispatch.example.kv")));
        classes().that().resideInAnyPackage("dispatch.module..", "dispatch.example..")
                .should(dependOnNothingOfDispatchButTheApiAndThemselves())
                .check(classes);
    }

    /** {@code dispatch.module.clock.internal} -> {@code dispatch.module.clock}; {@code null} outside modules. */
    private static String moduleOf(String packageName) {
        String[] parts = packageName.split("\\.");
        boolean module = parts.length >= 3 && parts[0].equals("dispatch")
                && (parts[1].equals("module") || parts[1].equals("example"));
        return module ? parts[0] + "." + parts[1] + "." + parts[2] : null;
    }

    private static ArchCondition<JavaClass> dependOnNothingOfDispatchButTheApiAndThemselves() {
        return new ArchCondition<>("depend on nothing of dispatch but dispatch.api and their own module") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                String own = moduleOf(type.getPackageName());
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    boolean allowed = !target.startsWith("dispatch.") || target.equals("dispatch.api")
                            || target.startsWith("dispatch.api.") || own.equals(moduleOf(target));
                    if (!allowed) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
