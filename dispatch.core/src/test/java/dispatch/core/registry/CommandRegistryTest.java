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
        RegistrationRefused refused = assertThrows(RegistrationRefused.class, () -> register("kv", 300));
        assertTrue(refused.getMessage(), refused.getMessage().contains("need development mode"));
        registry.allowLateCustomModules(true);
        register("kv", 300);
        assertTrue(registry.lookup(300).available());
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
