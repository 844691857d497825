package dispatch.module.http.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * An {@link HttpConfig} as DS would make it from ConfigAdmin properties: given properties by
 * their dotted names, defaults for the rest.
 */
final class Configs {

    private Configs() {
    }

    static HttpConfig of(Map<String, ?> properties) {
        return (HttpConfig) Proxy.newProxyInstance(HttpConfig.class.getClassLoader(), new Class<?>[] {HttpConfig.class},
                (proxy, method, args) -> {
                    String property = method.getName().replace('_', '.');
                    if (properties.containsKey(property)) {
                        return properties.get(property);
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    return switch (method.getName()) {
                        case "annotationType" -> HttpConfig.class;
                        case "toString" -> "HttpConfig" + properties;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new IllegalStateException(method.getName());
                    };
                });
    }
}
