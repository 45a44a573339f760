package dev.autogen.spring.replicas;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ReplicaApplication {}
