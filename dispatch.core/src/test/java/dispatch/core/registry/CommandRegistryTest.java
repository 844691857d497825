package dispatch.core.registry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dispatch.api.Dispatcher;
import dispatch.api.Handler;
import dispatch.api.Registrar;
import dispatch.api.Subscription;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

public class CommandRegistryTest {

    private static final Handler HANDLER = (context, command, tag, receiver) -> receiver.complete(tag, command);

    private final CommandRegistry registry = new CommandRegistry();
    private long nextServiceId = 1;

    private Claimant claimant(String module) {
        return new Claimant(module, "bundle." + module + " 1.0.0", nextServiceId++);
    }

    private static Dispatcher dispatcher(String module, int... ids) {
        return new Dispatcher() {
            @Override
            public String moduleName() {
                return module;
            }

            @Override
            public void registerAll(Registrar registrar) {
                for (int id : ids) {
                    registrar.register(id, "Cmd" + id, HANDLER);
                }
            }
        };
    }

    private Claimant register(String module, int... ids) throws RegistrationRefused {
        Claimant claimant = claimant(module);
        registry.register(claimant, dispatcher(module, ids));
        return claimant;
    }

    @Test
    public void looksUpSystemAndCustomIds() throws Exception {
        register("clock", 10, 14);
        register("kv", 256, 300, 65535);
        assertSame(HANDLER, registry.lookup(10).handler());
        assertEquals("Cmd14", registry.lookup(14).commandName());
        assertEquals("kv", registry.lookup(65535).claimant().module());
        assertNotNull(registry.lookup(256));
        assertNull(registry.lookup(11));
        assertNull(registry.lookup(301));
        assertNull(registry.lookup(0));
        assertNull(registry.lookup(-1));
        assertNull(registry.lookup(Integer.MAX_VALUE));
    }

    @Test
    public void aCollisionIsRefusedNamingTheIdAndBothClaimants() throws Exception {
        register("alpha", 300, 301);
        Claimant beta = claimant("beta");
        RegistrationRefused refused = assertThrows(RegistrationRefused.class,
                () -> registry.register(beta, dispatcher("beta", 302, 301)));
        assertTrue(refused.getMessage(), refused.getMessage().contains("ID 301 (Cmd301) is claimed by module 'beta'"
                + " (bundle bundle.beta 1.0.0) but already held by module 'alpha' (bundle bundle.alpha 1.0.0)"));
        assertNull("all or nothing: 302 must not be registered", registry.lookup(302));
        assertFalse(registry.hasModule("beta"));
    }

    @Test
    public void anotherModulesRangeIsRefused() {
        RegistrationRefused refused = assertThrows(RegistrationRefused.class, () -> register("kv", 60));
        assertTrue(refused.getMessage(), refused.getMessage().contains("reserved for module 'http'"));
    }

    @Test
    public void unassignedAndInvalidIdsAreRefused() {
        assertTrue(assertThrows(RegistrationRefused.class, () -> register("clock", 35)).getMessage()
                .contains("lies in no assigned range"));
        assertTrue(assertThrows(RegistrationRefused.class, () -> register("kv", 70000)).getMessage()
                .contains("not a valid command ID"));
        assertTrue(assertThrows(RegistrationRefused.class, () -> register("kv", 0)).getMessage()
                .contains("not a valid command ID"));
        assertTrue(assertThrows(RegistrationRefused.class, () -> register("kv", 300, 300)).getMessage()
                .contains("registered twice"));
    }

    @Test
    public void aDispatcherThatThrowsIsRefused() {
        Dispatcher broken = new Dispatcher() {
            @Override
            public String moduleName() {
                return "kv";
            }

            @Override
            public void registerAll(Registrar registrar) {
                throw new IllegalStateException("boom");
            }
        };
        RegistrationRefused refused = assertThrows(RegistrationRefused.class, () -> registry.register(claimant("kv"), broken));
        assertTrue(refused.getMessage(), refused.getMessage().contains("failed in registerAll"));
    }

    @Test
    public void aDispatcherThatNamesNoModuleIsRefusedSayingHowToNameIt() {
        Dispatcher unnamed = registrar -> registrar.register(300, "Cmd300", HANDLER);
        assertNull(unnamed.moduleName());
        RegistrationRefused refused = assertThrows(RegistrationRefused.class,
                () -> registry.register(claimant(""), unnamed));
        assertTrue(refused.getMessage(), refused.getMessage().contains("names no module")
                && refused.getMessage().contains("@dispatch.api.DispatchModule"));
        assertNull("nothing registered", registry.lookup(300));
    }

    @Test
    public void beforeTheFreezeALeavingModuleFreesItsIds() throws Exception {
        Claimant alpha = register("alpha", 300);
        registry.unregister(alpha.serviceId());
        assertNull(registry.lookup(300));
        register("beta", 300);
        assertEquals("beta", registry.lookup(300).claimant().module());
    }

    @Test
    public void afterTheFreezeALeavingModuleLeavesUnavailableRoutesThatItCanTakeBack() throws Exception {
        Claimant clock = register("clock", 10);
        registry.freeze();
        registry.unregister(clock.serviceId());
        Route away = registry.lookup(10);
        assertFalse(away.available());
        assertEquals("clock", away.claimant().module());
        assertFalse(registry.hasModule("clock"));

        assertThrows("another module may not take a frozen ID", RegistrationRefused.class,
                () -> register("kv", 300, 10));
        register("clock", 10);
        assertTrue(registry.lookup(10).available());
    }

    @Test
    public void afterTheFreezeNewSystemIdsAreRefused() throws Exception {
        register("clock", 10);
        registry.freeze();
        RegistrationRefused refused = assertThrows(RegistrationRefused.class, () -> register("http", 60));
        assertTrue(refused.getMessage(), refused.getMessage().contains("arrived after the registry froze"));
    }

    @Test
    public void lateCustomModulesNeedDevelopmentMode() throws Exception {
        registry.freeze();
        RegistrationRefused refused = assertThrows(RegistrationRefused.class, () -> register("kv", 1000, 1001, 1002, 1003, 1010));
        assertEquals("one message for the whole module", "module 'kv' (bundle bundle.kv 1.0.0) was deployed after"
                + " the registry froze and claims custom IDs 1000-1003, 1010 that no module held then: only development"
                + " mode (development=true in configuration dispatch.boot) takes new custom modules after the boot",
                refused.getMessage());
        assertNull(registry.lookup(1000));
        registry.allowLateCustomModules(true);
        register("kv", 1000);
        assertTrue(registry.lookup(1000).available());
    }

    @Test
    public void aModuleDeployedBeforeTheFreezeBelongsToTheBootEvenIfItRegistersAfterIt()
            throws Exception {
        registry.freeze(20, 5_000); // bundles 0-20 were installed, none modified after t=5000
        registry.register(new Claimant("kv", "bundle.kv 1.0.0", 1, 20, 1, 5_000), dispatcher("kv", 1000));
        assertTrue(registry.lookup(1000).available());
        assertThrows("installed after the freeze", RegistrationRefused.class, () -> registry.register(
                new Claimant("late", "bundle.late 1.0.0", 2, 21, 1, 4_000), dispatcher("late", 1100)));
        assertThrows("updated after the freeze", RegistrationRefused.class, () -> registry.register(
                new Claimant("new", "bundle.new 1.0.0", 3, 7, 2, 5_001), dispatcher("new", 1200)));
        registry.register(new Claimant("sql", "bundle.sql 1.0.0", 4, 12, 1, 4_500), dispatcher("sql", 100, 101));
        assertTrue("a system module of the boot deployment that started late", registry.lookup(100).available());
        RegistrationRefused system = assertThrows(RegistrationRefused.class, () -> registry.register(
                new Claimant("http", "bundle.http 1.0.0", 5, 21, 1, 6_000), dispatcher("http", 60)));
        assertTrue(system.getMessage(), system.getMessage().contains("closed to modules deployed after the boot"));
    }

    @Test
    public void inProductionACustomModuleThatHeldIdsAtTheFreezeMayComeBackButNotGrow() throws Exception {
        Claimant first = register("kv", 1000);
        registry.freeze();
        registry.unregister(first.serviceId());
        assertThrows("a new ID is a late one", RegistrationRefused.class, () -> register("kv", 1000, 1001));
        RegistrationRefused taken = assertThrows(RegistrationRefused.class, () -> register("other", 1000));
        assertTrue(taken.getMessage(), taken.getMessage().contains("only module 'kv' may take it back"
                + " (any module may in development mode)"));
        register("kv", 1000);
        assertTrue(registry.lookup(1000).available());
    }

    @Test
    public void inDevelopmentANewRevisionTakesItsIdsBackAndDropsTheOnesItNoLongerHas() throws Exception {
        registry.freeze();
        registry.allowLateCustomModules(true);
        Claimant first = register("kv", 1000, 1001, 1002);
        registry.unregister(first.serviceId());
        assertFalse(registry.lookup(1001).available());
        assertEquals("the placeholder names the module", "kv", registry.lookup(1001).claimant().module());

        Claimant second = register("kv", 1000, 1002, 1003);
        assertSame(second, registry.lookup(1000).claimant());
        assertSame(second, registry.lookup(1003).claimant());
        assertNull("no longer registered by the new revision: unknown, not unavailable", registry.lookup(1001));
    }

    @Test
    public void inDevelopmentAnotherModuleMayTakeTheIdsADepartedModuleLeftButNotSystemIds() throws Exception {
        Claimant clock = register("clock", 10);
        registry.freeze();
        registry.allowLateCustomModules(true);
        Claimant kv = register("kv", 1000);
        assertThrows("held by a present module", RegistrationRefused.class, () -> register("store", 1000));
        registry.unregister(kv.serviceId());
        Claimant store = register("store", 1000);
        assertSame(store, registry.lookup(1000).claimant());

        registry.unregister(clock.serviceId());
        assertThrows(RegistrationRefused.class, () -> register("kv", 10));
        RegistrationRefused system = assertThrows(RegistrationRefused.class, () -> register("http", 60));
        assertTrue(system.getMessage(), system.getMessage().contains("system IDs (1-255) are closed to modules deployed after the boot"));
    }

    @Test
    public void departureListenersAreToldBeforeTheTableWithoutTheDispatcherIsPublished() throws Exception {
        Claimant kv = register("kv", 1000);
        registry.freeze();
        List<String> told = new ArrayList<>();
        Subscription subscription = registry.onDeparture(claimant -> told.add(claimant.module() + " "
                + registry.lookup(1000).available()));
        assertSame(kv, registry.unregister(kv.serviceId()));
        assertEquals(List.of("kv true"), told);
        assertNull("unknown service: nothing to tell", registry.unregister(kv.serviceId()));
        subscription.close();
        registry.allowLateCustomModules(true);
        registry.unregister(register("kv", 1000).serviceId());
        assertEquals("closed: no longer told", 1, told.size());
    }

    @Test
    public void aLeftRouteKeepsOnlyNamesAndNumbers() throws Exception {
        Claimant kv = register("kv", 1000);
        registry.freeze();
        registry.unregister(kv.serviceId());
        Route left = registry.lookup(1000);
        assertNull("no handler of the departed revision", left.handler());
        assertSame(kv, left.claimant());
    }

    @Test
    public void theExtendedMapHoldsManyIds() throws Exception {
        int[] ids = new int[5000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 256 + i * 13;
        }
        register("big", ids);
        for (int id : ids) {
            assertEquals(id, registry.lookup(id).id());
            assertNull(registry.lookup(id + 1));
        }
    }
}
