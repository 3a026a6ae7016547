-- Structure of the original SisPMPI database (informatica-pmi/sispmpi, sql/db.sql at 38fbd01, which already
-- includes most of its later migrations), tables only, followed by the migrations the dump predates (m220609 to m250527); the rows are
-- written by the import tests.
SET FOREIGN_KEY_CHECKS=0;
CREATE TABLE `acao` (
  `id` int NOT NULL AUTO_INCREMENT,
  `eixo_id` int NOT NULL,
  `subeixo_id` int DEFAULT NULL,
  `numero` int NOT NULL,
  `titulo` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `descricao` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `unidade_executora` int NOT NULL,
  `objetivo` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci,
  `beneficio_instituicao` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci,
  `classificacao` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci DEFAULT NULL,
  `previsao_inicio` date DEFAULT NULL,
  `previsao_conclusao` date DEFAULT NULL,
  `orcamento_previsto` decimal(20,2) DEFAULT NULL,
  `status` tinyint NOT NULL,
  `acao_referencia_id` int DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-acao-eixo_id` (`eixo_id`),
  KEY `idx-acao-subeixo_id` (`subeixo_id`),
  KEY `idx-acao-unidade_executura` (`unidade_executora`),
  KEY `idx-acao-acao_referencia_id` (`acao_referencia_id`),
  CONSTRAINT `fk-acao-acao_referencia_id` FOREIGN KEY (`acao_referencia_id`) REFERENCES `acao` (`id`) ON DELETE SET NULL,
  CONSTRAINT `fk-acao-eixo_id` FOREIGN KEY (`eixo_id`) REFERENCES `eixo` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-acao-subeixo_id` FOREIGN KEY (`subeixo_id`) REFERENCES `subeixo` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-acao-unidade_executura` FOREIGN KEY (`unidade_executora`) REFERENCES `unidade_administrativa` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=1383 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `acao_avaliacao_recomendacao` (
  `id` int NOT NULL AUTO_INCREMENT,
  `recomendacao` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `resposta` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci,
  `acao_id` int NOT NULL,
  `usuario_id` int NOT NULL,
  `usuario_resposta_id` int DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-acao_avaliacao_recomendacao-acao_id` (`acao_id`),
  KEY `idx-acao_avaliacao_recomendacao-usuario_id` (`usuario_id`),
  KEY `idx-acao_avaliacao_recomendacao-usuario_resposta_id` (`usuario_resposta_id`),
  CONSTRAINT `fk-acao_avaliacao_recomendacao-acao_id` FOREIGN KEY (`acao_id`) REFERENCES `acao` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-acao_avaliacao_recomendacao-usuario_id` FOREIGN KEY (`usuario_id`) REFERENCES `usuario` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-acao_avaliacao_recomendacao-usuario_resposta_id` FOREIGN KEY (`usuario_resposta_id`) REFERENCES `usuario` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `acao_execucao` (
  `id` int NOT NULL AUTO_INCREMENT,
  `data_inicio` date DEFAULT NULL,
  `data_conclusao` date DEFAULT NULL,
  `orcamento_executado` decimal(20,2) DEFAULT NULL,
  `observacoes` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci,
  `evidencias_sugeridas` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci,
  `evidencia_link` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci DEFAULT NULL,
  `processo_sei` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci DEFAULT NULL,
  `acao_id` int NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx-acao_execucao-acao_id` (`acao_id`),
  CONSTRAINT `fk-acao_execucao-acao_id` FOREIGN KEY (`acao_id`) REFERENCES `acao` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=489 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `acao_execucao_arquivo` (
  `id` int NOT NULL AUTO_INCREMENT,
  `acao_execucao_id` int NOT NULL,
  `arquivo_id` int NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx-acao_execucao_arquivo-acao_execucao_id` (`acao_execucao_id`),
  KEY `idx-acao_execucao_arquivo-arquivo_id` (`acao_execucao_id`),
  KEY `fk-acao_execucao_arquivo-arquivo_id` (`arquivo_id`),
  CONSTRAINT `fk-acao_execucao_arquivo-acao_execucao_id` FOREIGN KEY (`acao_execucao_id`) REFERENCES `acao_execucao` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-acao_execucao_arquivo-arquivo_id` FOREIGN KEY (`arquivo_id`) REFERENCES `arquivo` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=158 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `acao_execucao_fator_limitante` (
  `id` int NOT NULL AUTO_INCREMENT,
  `fator_limitante_id` int NOT NULL,
  `acao_execucao_id` int NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx-acao_execucao_fator_limitante-fator_limitante_id` (`fator_limitante_id`),
  KEY `idx-acao_execucao_fator_limitante-acao_execucao_id` (`acao_execucao_id`),
  CONSTRAINT `fk-acao_execucao_fator_limitante-acao_execucao_id` FOREIGN KEY (`acao_execucao_id`) REFERENCES `acao_execucao` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-acao_execucao_fator_limitante-fator_limitante_id` FOREIGN KEY (`fator_limitante_id`) REFERENCES `fator_limitante` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=1033 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `acao_monitoramento` (
  `id` int NOT NULL AUTO_INCREMENT,
  `risco_n_implementacao` tinyint NOT NULL,
  `acao_id` int NOT NULL,
  `usuario_id` int NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-acao_monitoramento-acao_id` (`acao_id`),
  KEY `idx-acao_monitoramento-usuario_id` (`usuario_id`),
  CONSTRAINT `fk-acao_monitoramento-acao_id` FOREIGN KEY (`acao_id`) REFERENCES `acao` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-acao_monitoramento-usuario_id` FOREIGN KEY (`usuario_id`) REFERENCES `usuario` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=196 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `acao_monitoramento_recomendacao` (
  `id` int NOT NULL AUTO_INCREMENT,
  `recomendacao` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `resposta` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci,
  `acao_monitoramento_id` int NOT NULL,
  `usuario_id` int NOT NULL,
  `usuario_resposta_id` int DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-acao_monitoramento_recomendacao-acao_monitoramento_id` (`acao_monitoramento_id`),
  KEY `idx-acao_monitoramento_recomendacao-usuario_id` (`usuario_id`),
  KEY `idx-acao_monitoramento_recomendacao-usuario_resposta_id` (`usuario_resposta_id`),
  CONSTRAINT `fk-acao_monitoramento_recomendacao-acao_monitoramento_id` FOREIGN KEY (`acao_monitoramento_id`) REFERENCES `acao_monitoramento` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-acao_monitoramento_recomendacao-usuario_id` FOREIGN KEY (`usuario_id`) REFERENCES `usuario` (`id`),
  CONSTRAINT `fk-acao_monitoramento_recomendacao-usuario_resposta_id` FOREIGN KEY (`usuario_resposta_id`) REFERENCES `usuario` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB AUTO_INCREMENT=217 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `acao_servidor` (
  `id` int NOT NULL AUTO_INCREMENT,
  `acao_id` int NOT NULL,
  `servidor_id` int NOT NULL,
  `tipo` tinyint NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx-acao_servidor-acao_id` (`acao_id`),
  KEY `idx-acao_servidor-servidor_id` (`servidor_id`),
  CONSTRAINT `fk-acao_servidor-acao_id` FOREIGN KEY (`acao_id`) REFERENCES `acao` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-acao_servidor-servidor_id` FOREIGN KEY (`servidor_id`) REFERENCES `servidor` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=1127 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `acao_tipo` (
  `id` int NOT NULL AUTO_INCREMENT,
  `acao_id` int NOT NULL,
  `tipo_id` int NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx-acao_tipo-tipo_id` (`tipo_id`),
  KEY `idx-acao_tipo-acao_id` (`acao_id`),
  CONSTRAINT `fk-acao_tipo-acao_id` FOREIGN KEY (`acao_id`) REFERENCES `acao` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-acao_tipo-tipo_id` FOREIGN KEY (`tipo_id`) REFERENCES `tipo` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=1245 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `acao_unidade_apoio` (
  `id` int NOT NULL AUTO_INCREMENT,
  `acao_id` int NOT NULL,
  `unidade_administrativa_id` int NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx-acao_unidade_apoio-acao_id` (`acao_id`),
  KEY `idx-acao_unidade_apoio-unidade_administrativa_id` (`unidade_administrativa_id`),
  CONSTRAINT `fk-acao_unidade_apoio-acao_id` FOREIGN KEY (`acao_id`) REFERENCES `acao` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-acao_unidade_apoio-unidade_administrativa_id` FOREIGN KEY (`unidade_administrativa_id`) REFERENCES `unidade_administrativa` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=6504 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `arquivo` (
  `id` int NOT NULL AUTO_INCREMENT,
  `nome_original` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `nome_servidor` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `tamanho` decimal(10,2) NOT NULL,
  `extensao` varchar(20) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `path` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=505 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `auth_assignment` (
  `item_name` varchar(64) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `user_id` varchar(64) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `created_at` int DEFAULT NULL,
  PRIMARY KEY (`item_name`,`user_id`),
  KEY `idx-auth_assignment-user_id` (`user_id`),
  CONSTRAINT `auth_assignment_ibfk_1` FOREIGN KEY (`item_name`) REFERENCES `auth_item` (`name`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `auth_item` (
  `name` varchar(64) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `type` smallint NOT NULL,
  `description` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci,
  `rule_name` varchar(64) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci DEFAULT NULL,
  `data` blob,
  `created_at` int DEFAULT NULL,
  `updated_at` int DEFAULT NULL,
  PRIMARY KEY (`name`),
  KEY `rule_name` (`rule_name`),
  KEY `idx-auth_item-type` (`type`),
  CONSTRAINT `auth_item_ibfk_1` FOREIGN KEY (`rule_name`) REFERENCES `auth_rule` (`name`) ON DELETE SET NULL ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `auth_item_child` (
  `parent` varchar(64) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `child` varchar(64) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  PRIMARY KEY (`parent`,`child`),
  KEY `child` (`child`),
  CONSTRAINT `auth_item_child_ibfk_1` FOREIGN KEY (`parent`) REFERENCES `auth_item` (`name`) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT `auth_item_child_ibfk_2` FOREIGN KEY (`child`) REFERENCES `auth_item` (`name`) ON DELETE CASCADE ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `auth_rule` (
  `name` varchar(64) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `data` blob,
  `created_at` int DEFAULT NULL,
  `updated_at` int DEFAULT NULL,
  PRIMARY KEY (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `diagnostico` (
  `id` int NOT NULL AUTO_INCREMENT,
  `plano_integridade_id` int NOT NULL,
  `page_key` tinyint NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-diagnostico-plano_integridade_id` (`plano_integridade_id`),
  CONSTRAINT `fk-diagnostico-plano_integridade_id` FOREIGN KEY (`plano_integridade_id`) REFERENCES `plano_integridade` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=123 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `diagnostico_ciencia` (
  `id` int NOT NULL AUTO_INCREMENT,
  `diagnostico_id` int NOT NULL,
  `sugestoes` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci,
  `validado` tinyint NOT NULL,
  `usuario_id` int DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-diagnostico_ciencia-diagnostico_id` (`diagnostico_id`),
  KEY `idx-diagnostico_ciencia-usuario_id` (`usuario_id`),
  CONSTRAINT `fk-diagnostico_ciencia-diagnostico_id` FOREIGN KEY (`diagnostico_id`) REFERENCES `diagnostico` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-diagnostico_ciencia-usuario_id` FOREIGN KEY (`usuario_id`) REFERENCES `usuario` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB AUTO_INCREMENT=32 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `diagnostico_info_estrategica` (
  `id` int NOT NULL AUTO_INCREMENT,
  `diagnostico_id` int NOT NULL,
  `missao` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `visao` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `valores` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci,
  `estrutura_organica` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `competencias` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `atribuicoes` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `fk-diagnostico_info_estrategica-diagnostico_id` (`diagnostico_id`),
  CONSTRAINT `fk-diagnostico_info_estrategica-diagnostico_id` FOREIGN KEY (`diagnostico_id`) REFERENCES `diagnostico` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=88 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `diagnostico_instrumento` (
  `id` int NOT NULL AUTO_INCREMENT,
  `instrumento_id` int NOT NULL,
  `diagnostico_id` int NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx-diagnostico_instrumento-instrumento_id` (`instrumento_id`),
  KEY `idx-diagnostico_instrumento-diagnostico_id` (`diagnostico_id`),
  CONSTRAINT `fk-diagnostico_instrumento-diagnostico_id` FOREIGN KEY (`diagnostico_id`) REFERENCES `diagnostico` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-diagnostico_instrumento-instrumento_id` FOREIGN KEY (`instrumento_id`) REFERENCES `instrumento` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=432 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `diagnostico_resultado` (
  `id` int NOT NULL AUTO_INCREMENT,
  `diagnostico_id` int NOT NULL,
  `descricao` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `objetivos_trabalhados` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `objetivos_estrategicos` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-diagnostico_resultado-diagnostico_id` (`diagnostico_id`),
  CONSTRAINT `fk-diagnostico_resultado-diagnostico_id` FOREIGN KEY (`diagnostico_id`) REFERENCES `diagnostico` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=81 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `eixo` (
  `id` int NOT NULL AUTO_INCREMENT,
  `plano_integridade_id` int NOT NULL,
  `titulo` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `descricao` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-eixo-plano_integridade_id` (`plano_integridade_id`),
  CONSTRAINT `fk-eixo-plano_integridade_id` FOREIGN KEY (`plano_integridade_id`) REFERENCES `plano_integridade` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=354 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `fator_limitante` (
  `id` int NOT NULL AUTO_INCREMENT,
  `nome` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `orgao_id` int DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-fator_limitante-orgao_id` (`orgao_id`),
  CONSTRAINT `fk-fator_limitante-orgao_id` FOREIGN KEY (`orgao_id`) REFERENCES `orgao` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=59 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `grupo` (
  `id` int NOT NULL AUTO_INCREMENT,
  `plano_integridade_id` int NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-grupo-plano_integridade_id` (`plano_integridade_id`),
  CONSTRAINT `fk-grupo-plano_integridade_id` FOREIGN KEY (`plano_integridade_id`) REFERENCES `plano_integridade` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=139 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `grupo_instituido` (
  `id` int NOT NULL AUTO_INCREMENT,
  `grupo_id` int NOT NULL,
  `formalmente` tinyint DEFAULT NULL,
  `nome_numero` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci DEFAULT NULL,
  `data_publicacao` date DEFAULT NULL,
  `dias_conclusao` int DEFAULT NULL,
  `data_prevista_conclusao` date DEFAULT NULL,
  `link` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci DEFAULT NULL,
  `data_inicio` date DEFAULT NULL,
  `order` int NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-grupo_instituido-grupo_id` (`grupo_id`),
  CONSTRAINT `fk-grupo_instituido-grupo_id` FOREIGN KEY (`grupo_id`) REFERENCES `grupo` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=193 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `grupo_servidor` (
  `id` int NOT NULL AUTO_INCREMENT,
  `grupo_id` int NOT NULL,
  `servidor_id` int NOT NULL,
  `status` tinyint NOT NULL,
  `coordenador` tinyint NOT NULL,
  `order` int NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx-grupo_servidor-servidor_id` (`servidor_id`),
  KEY `idx-grupo_servidor-grupo_id` (`grupo_id`),
  CONSTRAINT `fk-grupo_servidor-grupo_id` FOREIGN KEY (`grupo_id`) REFERENCES `grupo` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-grupo_servidor-servidor_id` FOREIGN KEY (`servidor_id`) REFERENCES `servidor` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=924 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `historico` (
  `id` int NOT NULL AUTO_INCREMENT,
  `action` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `model` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `id_registro` int NOT NULL,
  `campo` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `antigo_valor` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci,
  `novo_valor` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci,
  `justificativa` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci,
  `multiple` tinyint DEFAULT NULL,
  `usuario_id` int NOT NULL,
  `usuario_perfil` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-historico-usuario_id` (`usuario_id`),
  CONSTRAINT `fk-historico-usuario_id` FOREIGN KEY (`usuario_id`) REFERENCES `usuario` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=11809 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `informacao_estado` (
  `id` int NOT NULL AUTO_INCREMENT,
  `ano` int NOT NULL,
  `orcamento` decimal(20,2) NOT NULL,
  `quantitativo_pessoal` int NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=12 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `instrumento` (
  `id` int NOT NULL AUTO_INCREMENT,
  `nome` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `orgao_id` int DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-instrumento-orgao_id` (`orgao_id`),
  CONSTRAINT `fk-instrumento-orgao_id` FOREIGN KEY (`orgao_id`) REFERENCES `orgao` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=214 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `migration` (
  `version` varchar(180) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `apply_time` int DEFAULT NULL,
  PRIMARY KEY (`version`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `orgao` (
  `id` int NOT NULL AUTO_INCREMENT,
  `nome` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `sigla` varchar(10) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `tipo` tinyint NOT NULL,
  `status` tinyint NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=99 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `orgao_contabil` (
  `id` int NOT NULL AUTO_INCREMENT,
  `ano` int NOT NULL,
  `orcamento` decimal(20,2) NOT NULL,
  `quantitativo_pessoal` int NOT NULL,
  `orgao_id` int NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-orgao_contabil-orgao_id` (`orgao_id`),
  CONSTRAINT `fk-orgao_contabil-orgao_id` FOREIGN KEY (`orgao_id`) REFERENCES `orgao` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=105 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `plano_integridade` (
  `id` int NOT NULL AUTO_INCREMENT,
  `edicao` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `versao` float NOT NULL DEFAULT '1',
  `status` tinyint NOT NULL,
  `orgao_id` int NOT NULL,
  `plano_integridade_referencia_id` int DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-plano_integridade-orgao_id` (`orgao_id`),
  KEY `idx-plano_integridade-plano_integridade_referencia_id` (`plano_integridade_referencia_id`),
  CONSTRAINT `fk-plano_integridade-orgao_id` FOREIGN KEY (`orgao_id`) REFERENCES `orgao` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-plano_integridade-plano_integridade_referencia_id` FOREIGN KEY (`plano_integridade_referencia_id`) REFERENCES `plano_integridade` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=120 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `plano_integridade_novo` (
  `id` int NOT NULL AUTO_INCREMENT,
  `plano_integridade_id` int NOT NULL,
  `tipo` tinyint NOT NULL,
  `usuario_solicitante_id` int NOT NULL,
  `autorizado` tinyint DEFAULT NULL,
  `usuario_autorizador_id` int DEFAULT NULL,
  `justificativa` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-plano_integridade_novo-plano_integridade_id` (`plano_integridade_id`),
  KEY `idx-plano_integridade_novo-usuario_solicitante_id` (`usuario_solicitante_id`),
  KEY `idx-plano_integridade_novo-usuario_autorizador_id` (`usuario_autorizador_id`),
  CONSTRAINT `fk-plano_integridade_novo-plano_integridade_id` FOREIGN KEY (`plano_integridade_id`) REFERENCES `plano_integridade` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-plano_integridade_novo-usuario_autorizador_id` FOREIGN KEY (`usuario_autorizador_id`) REFERENCES `usuario` (`id`),
  CONSTRAINT `fk-plano_integridade_novo-usuario_solicitante_id` FOREIGN KEY (`usuario_solicitante_id`) REFERENCES `usuario` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `plano_integridade_reabertura` (
  `id` int NOT NULL AUTO_INCREMENT,
  `plano_integridade_id` int NOT NULL,
  `usuario_id` int NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-plano_integridade_reabertura-plano_integridade_id` (`plano_integridade_id`),
  KEY `idx-plano_integridade_reabertura-usuario_id` (`usuario_id`),
  CONSTRAINT `fk-plano_integridade_reabertura-plano_integridade_id` FOREIGN KEY (`plano_integridade_id`) REFERENCES `plano_integridade` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-plano_integridade_reabertura-usuario_id` FOREIGN KEY (`usuario_id`) REFERENCES `usuario` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=3 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `plano_integridade_recomendacao` (
  `id` int NOT NULL AUTO_INCREMENT,
  `recomendacao` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `resposta` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci,
  `plano_integridade_id` int NOT NULL,
  `usuario_id` int NOT NULL,
  `usuario_resposta_id` int DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-plano_integridade_recomendacao-plano_integridade_id` (`plano_integridade_id`),
  KEY `idx-plano_integridade_recomendacao-usuario_id` (`usuario_id`),
  KEY `idx-plano_integridade_recomendacao-usuario_resposta_id` (`usuario_resposta_id`),
  CONSTRAINT `fk-plano_integridade_recomendacao-plano_integridade_id` FOREIGN KEY (`plano_integridade_id`) REFERENCES `plano_integridade` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-plano_integridade_recomendacao-usuario_id` FOREIGN KEY (`usuario_id`) REFERENCES `usuario` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-plano_integridade_recomendacao-usuario_resposta_id` FOREIGN KEY (`usuario_resposta_id`) REFERENCES `usuario` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `promover_integridade` (
  `id` int NOT NULL AUTO_INCREMENT,
  `data` date NOT NULL,
  `acao_desenvolvida` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `horas_trabalho` smallint NOT NULL,
  `plano_integridade_id` int NOT NULL,
  `orgao_id` int NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-promover_integridade-plano_integridade_id` (`plano_integridade_id`),
  KEY `idx-promover_integridade-orgao_id` (`orgao_id`),
  CONSTRAINT `fk-promover_integridade-orgao_id` FOREIGN KEY (`orgao_id`) REFERENCES `orgao` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-promover_integridade-plano_integridade_id` FOREIGN KEY (`plano_integridade_id`) REFERENCES `plano_integridade` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=11 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `publicacao` (
  `id` int NOT NULL AUTO_INCREMENT,
  `plano_integridade_id` int NOT NULL,
  `evento` tinyint NOT NULL,
  `data_evento` date DEFAULT NULL,
  `justificativa_evento` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci DEFAULT NULL,
  `disponibilizado` tinyint NOT NULL,
  `endereco_disponibilizado` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci DEFAULT NULL,
  `justificativa_disponibilizado` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci DEFAULT NULL,
  `plano_comunicacao` tinyint NOT NULL,
  `plano_comunicacao_arquivo` int DEFAULT NULL,
  `plano_treinamento` tinyint NOT NULL,
  `plano_treinamento_arquivo` int DEFAULT NULL,
  `data_publicacao` date NOT NULL,
  `nome_numero` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `link` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `plano_acao_arquivo` int NOT NULL,
  `plano_integridade_arquivo` int NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-publicacao-plano_integridade_id` (`plano_integridade_id`),
  KEY `idx-publicacao-plano_acao_arquivo` (`plano_acao_arquivo`),
  KEY `idx-publicacao-plano_integridade_arquivo` (`plano_integridade_arquivo`),
  KEY `idx-publicacao-plano_comunicacao_arquivo` (`plano_comunicacao_arquivo`),
  KEY `idx-publicacao-plano_treinamento_arquivo` (`plano_treinamento_arquivo`),
  CONSTRAINT `fk-publicacao-plano_acao_arquivo` FOREIGN KEY (`plano_acao_arquivo`) REFERENCES `arquivo` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-publicacao-plano_comunicacao_arquivo` FOREIGN KEY (`plano_comunicacao_arquivo`) REFERENCES `arquivo` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-publicacao-plano_integridade_arquivo` FOREIGN KEY (`plano_integridade_arquivo`) REFERENCES `arquivo` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-publicacao-plano_integridade_id` FOREIGN KEY (`plano_integridade_id`) REFERENCES `plano_integridade` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-publicacao-plano_treinamento_arquivo` FOREIGN KEY (`plano_treinamento_arquivo`) REFERENCES `arquivo` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=74 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `queue` (
  `id` int NOT NULL AUTO_INCREMENT,
  `channel` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `job` blob NOT NULL,
  `pushed_at` int NOT NULL,
  `ttr` int NOT NULL,
  `delay` int NOT NULL DEFAULT '0',
  `priority` int unsigned NOT NULL DEFAULT '1024',
  `reserved_at` int DEFAULT NULL,
  `attempt` int DEFAULT NULL,
  `done_at` int DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `channel` (`channel`),
  KEY `reserved_at` (`reserved_at`),
  KEY `priority` (`priority`)
) ENGINE=InnoDB AUTO_INCREMENT=5948 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `reuniao` (
  `id` int NOT NULL AUTO_INCREMENT,
  `plano_integridade_id` int NOT NULL,
  `data` date NOT NULL,
  `nome` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `pauta` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `registro` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `usuario_id` int NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-reuniao-plano_integridade_id` (`plano_integridade_id`),
  KEY `idx-reuniao-usuario_id` (`usuario_id`),
  CONSTRAINT `fk-reuniao-plano_integridade_id` FOREIGN KEY (`plano_integridade_id`) REFERENCES `plano_integridade` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-reuniao-usuario_id` FOREIGN KEY (`usuario_id`) REFERENCES `usuario` (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=9 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `reuniao_servidor` (
  `id` int NOT NULL AUTO_INCREMENT,
  `reuniao_id` int NOT NULL,
  `servidor_id` int NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx-reuniao_servidor-reuniao_id` (`reuniao_id`),
  KEY `idx-reuniao_servidor-servidor_id` (`servidor_id`),
  CONSTRAINT `fk-reuniao_servidor-reuniao_id` FOREIGN KEY (`reuniao_id`) REFERENCES `reuniao` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-reuniao_servidor-servidor_id` FOREIGN KEY (`servidor_id`) REFERENCES `servidor` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=109 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `servidor` (
  `id` int NOT NULL AUTO_INCREMENT,
  `nome` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `masp_matricula` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci DEFAULT NULL,
  `unidade_administrativa_id` int DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-servidor-unidade_administrativa_id` (`unidade_administrativa_id`),
  CONSTRAINT `fk-servidor-unidade_administrativa_id` FOREIGN KEY (`unidade_administrativa_id`) REFERENCES `unidade_administrativa` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=1857 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `stakeholder` (
  `id` int NOT NULL AUTO_INCREMENT,
  `nome` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `orgao_id` int DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-stakeholder-orgao_id` (`orgao_id`),
  CONSTRAINT `fk-stakeholder-orgao_id` FOREIGN KEY (`orgao_id`) REFERENCES `orgao` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=92 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `subeixo` (
  `id` int NOT NULL AUTO_INCREMENT,
  `eixo_id` int NOT NULL,
  `titulo` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `descricao` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-subeixo-eixo_id` (`eixo_id`),
  CONSTRAINT `fk-subeixo-eixo_id` FOREIGN KEY (`eixo_id`) REFERENCES `eixo` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=418 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `tipo` (
  `id` int NOT NULL AUTO_INCREMENT,
  `nome` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `orgao_id` int DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-tipo-orgao_id` (`orgao_id`),
  CONSTRAINT `fk-tipo-orgao_id` FOREIGN KEY (`orgao_id`) REFERENCES `orgao` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=44 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `unidade_administrativa` (
  `id` int NOT NULL AUTO_INCREMENT,
  `nome` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `orgao_id` int NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-unidade_administrativa-orgao_id` (`orgao_id`),
  CONSTRAINT `fk-unidade_administrativa-orgao_id` FOREIGN KEY (`orgao_id`) REFERENCES `orgao` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=1545 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `usuario` (
  `id` int NOT NULL AUTO_INCREMENT,
  `nome` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `masp` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci DEFAULT NULL,
  `login` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `senha` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `cargo` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci DEFAULT NULL,
  `email` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `telefone` varchar(20) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci DEFAULT NULL,
  `orgao_id` int NOT NULL,
  `unidade_administrativa_id` int DEFAULT NULL,
  `status` tinyint NOT NULL,
  `auth_key` varchar(32) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci DEFAULT NULL,
  `password_reset_token` varchar(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci DEFAULT NULL,
  `cadastrado_por` int DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-usuario-cadastrado_por` (`cadastrado_por`),
  KEY `idx-usuario-orgao_id` (`orgao_id`),
  KEY `idx-usuario-unidade_administrativa_id` (`unidade_administrativa_id`),
  CONSTRAINT `fk-usuario-cadastrado_por` FOREIGN KEY (`cadastrado_por`) REFERENCES `usuario` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-usuario-orgao_id` FOREIGN KEY (`orgao_id`) REFERENCES `orgao` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-usuario-unidade_administrativa_id` FOREIGN KEY (`unidade_administrativa_id`) REFERENCES `unidade_administrativa` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=907 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `validacao` (
  `id` int NOT NULL AUTO_INCREMENT,
  `plano_integridade_id` int NOT NULL,
  `data_inicio` date NOT NULL,
  `info_complementar` text CHARACTER SET utf8mb3 COLLATE utf8mb3_unicode_ci NOT NULL,
  `data_conclusao` date NOT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`),
  KEY `idx-validacao-plano_integridade_id` (`plano_integridade_id`),
  CONSTRAINT `fk-validacao-plano_integridade_id` FOREIGN KEY (`plano_integridade_id`) REFERENCES `plano_integridade` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=64 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `validacao_stakeholder` (
  `id` int NOT NULL AUTO_INCREMENT,
  `validacao_id` int NOT NULL,
  `stakeholder_id` int NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx-validacao_stakeholder-stakeholder_id` (`stakeholder_id`),
  KEY `idx-validacao_stakeholder-validacao_id` (`validacao_id`),
  CONSTRAINT `fk-validacao_stakeholder-stakeholder_id` FOREIGN KEY (`stakeholder_id`) REFERENCES `stakeholder` (`id`) ON DELETE CASCADE,
  CONSTRAINT `fk-validacao_stakeholder-validacao_id` FOREIGN KEY (`validacao_id`) REFERENCES `validacao` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=233 DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

-- m220615_124359, m220615_183432: thematic axes of the diagnosis.
CREATE TABLE `eixo_tematico` (
  `id` int NOT NULL AUTO_INCREMENT,
  `nome` varchar(255) NOT NULL,
  `orgao_id` int DEFAULT NULL,
  `created_at` timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

CREATE TABLE `diagnostico_eixo_tematico` (
  `id` int NOT NULL AUTO_INCREMENT,
  `eixo_tematico_id` int NOT NULL,
  `diagnostico_id` int NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb3 COLLATE=utf8mb3_unicode_ci;

-- m250527_175836: a download token per file.
ALTER TABLE `arquivo` ADD COLUMN `token` varchar(255) NOT NULL;
ALTER TABLE `arquivo` ADD UNIQUE KEY `token` (`token`);

-- m220609_115356: communication and training plans and the action-plan file became optional.
ALTER TABLE `publicacao` MODIFY `plano_comunicacao` tinyint DEFAULT NULL, MODIFY `plano_treinamento` tinyint DEFAULT NULL,
  MODIFY `plano_acao_arquivo` int DEFAULT NULL;

-- m220614_133344, m220614_182144: the diagnosis results' later questions.
ALTER TABLE `diagnostico_resultado` MODIFY `objetivos_trabalhados` text DEFAULT NULL, MODIFY `objetivos_estrategicos` text DEFAULT NULL;
ALTER TABLE `diagnostico_resultado` ADD COLUMN `estrutura_governanca` text DEFAULT NULL AFTER `objetivos_estrategicos`,
  ADD COLUMN `periodicidade_monitoramentos` varchar(255) DEFAULT NULL AFTER `estrutura_governanca`,
  ADD COLUMN `periodicidade_avaliacoes` varchar(255) DEFAULT NULL AFTER `periodicidade_monitoramentos`,
  ADD COLUMN `periodicidade_atualizacoes` varchar(255) DEFAULT NULL AFTER `periodicidade_avaliacoes`,
  ADD COLUMN `aspectos_comunicacao` text DEFAULT NULL AFTER `periodicidade_atualizacoes`,
  ADD COLUMN `aspectos_capacitacao` text DEFAULT NULL AFTER `aspectos_comunicacao`;

-- m220712_130115: the commission's acknowledgements when concluding the publication.
ALTER TABLE `publicacao` ADD COLUMN `ciente_conteudo` tinyint(1) NOT NULL AFTER `plano_integridade_arquivo`,
  ADD COLUMN `ciente_conclusao` tinyint(1) NOT NULL AFTER `ciente_conteudo`,
  ADD COLUMN `usuario_id` int DEFAULT NULL AFTER `ciente_conclusao`;

-- m220803_165933: an act after the instituting one extends the deadline (1) or changes the membership (2).
ALTER TABLE `grupo_instituido` ADD COLUMN `tipo` tinyint NOT NULL AFTER `order`;

SET FOREIGN_KEY_CHECKS=1;
