package dev.autogen.spring.naming;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application whose Hibernate keeps names as written (spring.jpa.hibernate.naming.physical-strategy). */
@SpringBootApplication
public class NamingApplication {}
