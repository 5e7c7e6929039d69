package org.labelcritic.app.reliability;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/**
 * Patient images leave the machine only through the LVLM critic, and only when it is switched on:
 * across the whole program (model, imaging, app), the one class that can open a network connection
 * is the LVLM critic's HTTP client, and only the LVLM critic creates it (which it does only when
 * enabled; {@code LvlmCriticOffTest} shows that a disabled critic opens no connection).
 */
class NetworkAccessTest {
  static final String CLIENT = "org.labelcritic.imaging.critic.lvlm.ChatCompletionClient";
  static final String CRITIC = "org.labelcritic.imaging.critic.lvlm.LvlmCritic";

  static final JavaClasses PROGRAM =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.labelcritic");

  @Test
  void theProgramSpansAllModules() {
    assertThat(PROGRAM.stream().map(JavaClass::getPackageName))
        .anyMatch(p -> p.startsWith("org.labelcritic.model"))
        .anyMatch(p -> p.startsWith("org.labelcritic.imaging"))
        .anyMatch(p -> p.startsWith("org.labelcritic.app"));
    assertThat(PROGRAM.contain(CLIENT)).isTrue();
  }

  @Test
  void onlyTheLvlmClientUsesTheNetwork() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName(CLIENT)
        .and()
        .doNotHaveFullyQualifiedName(CLIENT + "$CallFailed")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net.http..", "jdk.net..", "javax.net..")
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(
            Socket.class,
            ServerSocket.class,
            SocketChannel.class,
            ServerSocketChannel.class,
            URLConnection.class,
            HttpURLConnection.class)
        .orShould()
        .callMethod(URL.class, "openConnection")
        .orShould()
        .callMethod(URL.class, "openStream")
        .check(PROGRAM);
  }

  @Test
  void onlyTheLvlmCriticCreatesTheClient() {
    classes()
        .that()
        .haveFullyQualifiedName(CLIENT)
        .should()
        .onlyBeAccessed()
        .byClassesThat()
        .haveNameMatching(
            "(" + CRITIC.replace(".", "\\.") + "|" + CLIENT.replace(".", "\\.") + ")(\\$.*)?")
        .check(PROGRAM);
  }
}
