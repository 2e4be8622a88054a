package org.freezedesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class FreezeDeskApplication {

    static {
        ServiceProviders.name();
    }

    public static void main(String[] args) {
        SpringApplication.run(FreezeDeskApplication.class, args);
    }
}
