using MySqlConnector;

namespace Sispmpi.Web.Tests.Import;

/// <summary>
/// A database of the original SisPMPI on the MariaDB server <c>SISPMPI_TEST_MYSQL</c> names: its schema
/// (sispmpi-original-schema.sql, column for column from the original's dump and migrations) and the rows a
/// body adopting this system would bring: two bodies, a published plan, an obsolete one and one in preparation,
/// actions in every status, evidence files (one good, one whose content lies about its type, one missing),
/// recommendations answered and not, a meeting, an update request, a reopening and history; the published plan's
/// formulation steps (commission with two later acts, diagnosis, validation, publication with its files) and action staff.
/// </summary>
public sealed class OriginalDatabase : IAsyncDisposable
{
    public const string OriginalPassword = "Senha-antiga-2023";

    /// <summary>The content of the one evidence file that may come over.</summary>
    public static readonly byte[] GoodPdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    private readonly string _admin;

    private OriginalDatabase(string admin, string name, string filesFolder)
    {
        _admin = admin;
        Name = name;
        FilesFolder = filesFolder;
        ConnectionString = new MySqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The original's uploads folder.</summary>
    public string FilesFolder { get; }

    public static async Task<OriginalDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(MariaDbFactAttribute.Variable)!;
        var name = $"sispmpi_original_{Guid.NewGuid():N}"[..30];
        var folder = Path.Combine(Path.GetTempPath(), "sispmpi-tests", "original-" + Guid.NewGuid().ToString("N"), "uploads");
        var database = new OriginalDatabase(admin, name, folder);
        await using (var connection = new MySqlConnection(admin))
        {
            await connection.OpenAsync();
            await new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4", connection).ExecuteNonQueryAsync();
        }
        var schema = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Import", "sispmpi-original-schema.sql"));
        await database.ExecuteAsync(schema);
        await database.ExecuteAsync(Rows());
        database.WriteFiles();
        return database;
    }

    public async Task ExecuteAsync(string sql)
    {
        var builder = new MySqlConnectionStringBuilder(ConnectionString) { AllowUserVariables = true };
        await using var connection = new MySqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        return Convert.ToInt64(await new MySqlCommand(sql, connection).ExecuteScalarAsync());
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        return await new MySqlCommand(sql, connection).ExecuteScalarAsync();
    }

    /// <summary>A PHP <c>password_hash</c> hash: bcrypt, cost 10, the <c>$2y$</c> prefix PHP writes.</summary>
    public static string PhpHash(string password) =>
        BCrypt.Net.BCrypt.HashPassword(password, BCrypt.Net.BCrypt.GenerateSalt(10, 'y'));

    private static string Rows()
    {
        var hash = PhpHash(OriginalPassword);
        return $$"""
            SET FOREIGN_KEY_CHECKS=0;
            INSERT INTO auth_item (name, type, description, created_at, updated_at) VALUES
              ('Administrador', 1, 'Perfil destinado a CGE.', 1588164385, 1602265958),
              ('Alta Administração', 1, 'Perfil destinado a Alta Administração.', 1588259701, 1588259701),
              ('Auditor', 1, 'Perfil destinado aos Auditores.', 1588164399, 1588164448),
              ('Executor', 1, 'Perfil destinado ao Executor', 1588164399, 1588164448),
              ('Grupo de Trabalho', 1, 'Perfil destinado ao Grupo de Trabalho.', 1588164399, 1588164448),
              ('Monitoramento', 1, 'Perfil destinado ao Monitoramento.', 1588164399, 1588164448),
              ('Observador', 1, 'Perfil destinado ao Observador.', 1588164399, 1588164448),
              ('TI', 1, 'Perfil destinado a TI.', 1588164399, 1588164448);
            INSERT INTO orgao (id, nome, sigla, tipo, status, created_at) VALUES
              (17, 'Controladoria-Geral do Estado', 'CGE', 4, 1, '2020-04-27 14:15:50'),
              (20, 'Secretaria de Estado de Fazenda', 'SEF', 4, 1, '2021-02-01 09:00:00');
            INSERT INTO orgao_contabil (id, ano, orcamento, quantitativo_pessoal, orgao_id, created_at) VALUES
              (1, 2023, 1500000.50, 320, 17, '2023-01-10 10:00:00'),
              (2, 2024, 1800000.00, 330, 17, '2024-01-10 10:00:00'),
              (3, 2024, 9000000.00, 1200, 20, '2024-01-12 10:00:00');
            INSERT INTO unidade_administrativa (id, nome, orgao_id, created_at) VALUES
              (100, 'Gabinete', 17, '2020-05-01 10:00:00'),
              (101, 'Assessoria de Integridade', 17, '2020-05-01 10:00:00'),
              (200, 'Superintendência de Finanças', 20, '2021-02-01 10:00:00'),
              (201, 'Diretoria de Arrecadação', 20, '2021-02-01 10:00:00');
            INSERT INTO usuario (id, nome, masp, login, senha, cargo, email, telefone, orgao_id, unidade_administrativa_id, status, created_at) VALUES
              (1, 'Ana Auditora', '1111111', 'ana', '{{hash}}', 'Auditora interna', 'ana.auditora@cge.example.gov.br', '(31) 3915-0001', 17, 101, 1, '2020-05-02 10:00:00'),
              (2, 'Bruno Executor', '2222222', 'bruno', '{{hash}}', 'Analista fazendário', 'bruno.executor@sef.example.gov.br', NULL, 20, 200, 1, '2021-02-02 10:00:00'),
              (3, 'Carla Comissão', '3333333', 'carla', '{{hash}}', 'Assessora', 'carla.comissao@sef.example.gov.br', NULL, 20, 201, 1, '2021-02-02 11:00:00'),
              (4, 'Davi Sem Senha', NULL, 'davi', '', NULL, 'davi.monitor@sef.example.gov.br', NULL, 20, NULL, 1, '2021-02-03 10:00:00'),
              (5, 'Elisa Dirigente', NULL, 'elisa', '{{hash}}', 'Secretária adjunta', 'elisa.dirigente@sef.example.gov.br', NULL, 20, NULL, 1, '2021-02-03 11:00:00');
            INSERT INTO auth_assignment (item_name, user_id, created_at) VALUES
              ('Auditor', '1', 1600000000), ('Executor', '2', 1600000000), ('Grupo de Trabalho', '3', 1600000000),
              ('Monitoramento', '4', 1600000000), ('Alta Administração', '5', 1600000000), ('Observador', '5', 1600000000);
            INSERT INTO tipo (id, nome, orgao_id, created_at) VALUES (1, 'Processo', NULL, '2020-08-28 12:18:03'),
              (2, 'Normativo', NULL, '2020-08-28 12:18:03'), (3, 'Sensibilização', NULL, '2020-08-28 12:18:03'),
              (4, 'Capacitação; treinamento', 20, '2021-03-01 10:00:00');
            INSERT INTO fator_limitante (id, nome, orgao_id, created_at) VALUES (1, 'Falta de orçamento', NULL, '2020-11-06 13:43:06'),
              (2, 'Falta de pessoal', NULL, '2020-11-06 13:43:06');
            INSERT INTO servidor (id, nome, masp_matricula, unidade_administrativa_id, created_at) VALUES
              (1, 'Fulano de Tal', '1234567', 200, '2021-03-01 10:00:00'),
              (2, 'Maria Coordenadora', '7654321', 201, '2023-01-05 10:00:00'),
              (3, 'João Substituto', '5555555', NULL, '2023-03-10 10:00:00'),
              (4, 'Fulano de Tal', '1234567', 200, '2023-01-05 10:00:00');
            INSERT INTO plano_integridade (id, edicao, versao, status, orgao_id, plano_integridade_referencia_id, created_at) VALUES
              (10, '2021-2022', 1, 4, 20, NULL, '2021-03-01 10:00:00'),
              (11, '2023-2024', 2, 2, 20, 10, '2023-01-05 10:00:00'),
              (12, '2024-2025', 1, 1, 17, NULL, '2024-02-01 10:00:00');
            INSERT INTO publicacao (id, plano_integridade_id, evento, justificativa_evento, disponibilizado, endereco_disponibilizado,
              plano_comunicacao, plano_comunicacao_arquivo, plano_treinamento, data_publicacao, nome_numero, link, plano_acao_arquivo,
              plano_integridade_arquivo, ciente_conteudo, ciente_conclusao, usuario_id, created_at) VALUES
              (1, 11, 0, 'Lançamento feito na reunião de diretoria', 1, 'https://www.fazenda.example.gov.br/integridade', 1, 4005, 0,
               '2023-02-01', 'Resolução SEF nº 5.600', 'https://www.fazenda.example.gov.br/plano', 4004, 4003, 1, 1, 3, '2023-02-01 10:00:00');
            INSERT INTO grupo (id, plano_integridade_id, created_at) VALUES (300, 11, '2023-01-05 10:00:00');
            INSERT INTO grupo_instituido (id, grupo_id, formalmente, nome_numero, data_publicacao, dias_conclusao, data_prevista_conclusao, link,
              data_inicio, `order`, tipo, created_at) VALUES
              (310, 300, 1, 'Resolução SEF nº 5.500', '2023-01-05', 60, '2023-03-06', 'https://www.fazenda.example.gov.br/res-5500', NULL, 0, 1, '2023-01-05 10:00:00'),
              (311, 300, NULL, 'Resolução SEF nº 5.530', '2023-03-01', 30, '2023-03-31', 'https://www.fazenda.example.gov.br/res-5530', NULL, 1, 1, '2023-03-01 10:00:00'),
              (312, 300, NULL, 'Portaria SEF n° 77/2023', '2023-03-10', NULL, NULL, 'https://www.fazenda.example.gov.br/port-77', NULL, 1, 2, '2023-03-10 10:00:00');
            INSERT INTO grupo_servidor (id, grupo_id, servidor_id, status, coordenador, `order`) VALUES
              (320, 300, 4, 1, 1, 0), (321, 300, 2, 1, 0, 0),
              (322, 300, 4, 1, 1, 1), (323, 300, 2, 0, 0, 1), (324, 300, 3, 1, 0, 1);
            INSERT INTO diagnostico (id, plano_integridade_id, page_key, created_at) VALUES (400, 11, 4, '2023-01-10 10:00:00');
            INSERT INTO diagnostico_info_estrategica (id, diagnostico_id, missao, visao, valores, estrutura_organica, competencias, atribuicoes, created_at) VALUES
              (401, 400, 'Arrecadar com justiça fiscal', 'Ser referência em gestão fazendária', 'Ética e transparência', 'Gabinete e superintendências',
               'Política fiscal do Estado', 'Arrecadar, fiscalizar e pagar', '2023-01-10 10:00:00');
            INSERT INTO instrumento (id, nome, orgao_id, created_at) VALUES (1, 'análise documental', NULL, '2020-08-28 12:18:03'),
              (2, 'Entrevistas com gestores da SEF', 20, '2023-01-10 10:00:00');
            INSERT INTO diagnostico_instrumento (id, instrumento_id, diagnostico_id) VALUES (1, 1, 400), (2, 2, 400);
            INSERT INTO diagnostico_resultado (id, diagnostico_id, descricao, objetivos_trabalhados, objetivos_estrategicos, estrutura_governanca,
              periodicidade_monitoramentos, periodicidade_avaliacoes, periodicidade_atualizacoes, aspectos_comunicacao, aspectos_capacitacao, created_at) VALUES
              (402, 400, 'Riscos concentrados nas compras', 'Ambiente íntegro e confiável', 'Prevenir fraudes', 'Comissão de integridade e comitê de monitoramento',
               'Trimestral', 'Anual', 'Bienal', 'Intranet e boletins', 'Cursos a distância', '2023-01-12 10:00:00');
            INSERT INTO eixo_tematico (id, nome, orgao_id, created_at) VALUES (1, 'Gestão de riscos para a integridade', NULL, '2022-06-15 10:00:00'),
              (2, 'Integridade nas compras', 20, '2023-01-12 10:00:00');
            INSERT INTO diagnostico_eixo_tematico (id, eixo_tematico_id, diagnostico_id) VALUES (1, 1, 400), (2, 2, 400);
            INSERT INTO diagnostico_ciencia (id, diagnostico_id, sugestoes, validado, usuario_id, created_at) VALUES
              (403, 400, 'Incluir a Ouvidoria nas oficinas', 1, 5, '2023-01-15 14:00:00');
            INSERT INTO stakeholder (id, nome, orgao_id, created_at) VALUES (1, 'Servidores', NULL, '2020-08-28 12:18:03'),
              (2, 'Sindicato dos fazendários', 20, '2023-01-20 10:00:00');
            INSERT INTO validacao (id, plano_integridade_id, data_inicio, info_complementar, data_conclusao, created_at) VALUES
              (600, 11, '2023-01-20', 'Plano validado com as superintendências', '2023-01-25', '2023-01-25 18:00:00');
            INSERT INTO validacao_stakeholder (id, validacao_id, stakeholder_id) VALUES (1, 600, 1), (2, 600, 2);
            INSERT INTO eixo (id, plano_integridade_id, titulo, descricao, created_at) VALUES
              (1000, 11, 'Comprometimento da alta administração', 'Apoio visível da direção', '2023-01-06 10:00:00'),
              (1001, 11, 'Gestão de riscos', 'Riscos à integridade', '2023-01-06 10:00:00'),
              (1002, 10, 'Ética', 'Eixo da edição anterior', '2021-03-02 10:00:00'),
              (1003, 12, 'Transparência', 'Eixo da CGE', '2024-02-02 10:00:00');
            INSERT INTO subeixo (id, eixo_id, titulo, descricao, created_at) VALUES
              (500, 1001, 'Mapeamento de riscos', 'Identificar e avaliar', '2023-01-06 10:00:00');
            INSERT INTO acao (id, eixo_id, subeixo_id, numero, titulo, descricao, unidade_executora, objetivo, beneficio_instituicao,
              classificacao, previsao_inicio, previsao_conclusao, orcamento_previsto, status, acao_referencia_id, created_at) VALUES
              (2000, 1000, NULL, 1, 'Instituir o código de ética', '<p>Elaborar e <strong>publicar</strong> o c&oacute;digo</p><p style="text-align: center;">Prazo:&nbsp;junho *a confirmar*</p>', 200, '<p>Orientar <em>condutas</em></p>', 'Clareza',
               'Ação pontual', '2023-02-01', '2023-06-30', 15000.00, 3, NULL, '2023-01-07 10:00:00'),
              (2001, 1000, NULL, 2, 'Capacitar os servidores', 'Turmas anuais', 201, NULL, NULL, 'Ação contínua', '2023-03-01', '2024-12-31', NULL, 2, NULL, '2023-01-07 11:00:00'),
              (2002, 1001, 500, 1, 'Mapear os riscos à integridade', 'Oficinas', 200, NULL, NULL, 'Ação pontual', '2023-07-01', '2023-12-31', 5000.00, 1, NULL, '2023-01-07 12:00:00'),
              (2003, 1001, NULL, 2, 'Implantar canal de denúncias próprio', 'Substituído pela Ouvidoria-Geral', 201, NULL, NULL, 'Ação pontual', '2023-03-01', '2023-09-30', NULL, 4, NULL, '2023-01-07 13:00:00'),
              (2004, 1002, NULL, 1, 'Divulgar o código de conduta', 'Edição anterior', 200, NULL, NULL, 'Ação pontual', '2021-04-01', '2021-08-31', NULL, 3, NULL, '2021-03-03 10:00:00'),
              (2005, 1003, NULL, 1, 'Publicar dados abertos', 'Portal', 100, NULL, NULL, 'Ação contínua', '2024-03-01', '2025-12-31', NULL, 1, NULL, '2024-02-03 10:00:00');
            INSERT INTO acao_tipo (id, acao_id, tipo_id) VALUES (1, 2000, 1), (2, 2000, 2), (3, 2001, 3), (4, 2001, 4);
            INSERT INTO acao_unidade_apoio (id, acao_id, unidade_administrativa_id) VALUES (1, 2000, 201), (2, 2002, 201);
            INSERT INTO acao_servidor (id, acao_id, servidor_id, tipo) VALUES (1, 2000, 1, 1), (2, 2000, 3, 2), (3, 2001, 2, 2);
            INSERT INTO acao_execucao (id, data_inicio, data_conclusao, orcamento_executado, observacoes, evidencias_sugeridas, evidencia_link, processo_sei, acao_id) VALUES
              (3000, '2023-02-10', '2023-06-20', 14500.75, 'Código publicado no DOE', 'Publicação no Diário Oficial', 'https://www.fazenda.example.gov.br/codigo-de-etica', '19973.011749/2025-70', 2000),
              (3001, '2023-03-05', NULL, 1200.00, 'Primeira turma concluída', NULL, 'intranet/turmas', NULL, 2001),
              (3002, '2021-04-02', '2021-08-30', NULL, 'Divulgado', NULL, NULL, NULL, 2004);
            INSERT INTO acao_execucao_fator_limitante (id, fator_limitante_id, acao_execucao_id) VALUES (1, 1, 3001), (2, 2, 3001);
            INSERT INTO arquivo (id, nome_original, nome_servidor, tamanho, extensao, path, token) VALUES
              (4000, 'codigo-de-etica.pdf', 'a1b2c3.pdf', 0.10, 'pdf', 'uploads/acao-execucao/3000/a1b2c3.pdf', 't4000'),
              (4001, 'lista-de-presenca.pdf', 'd4e5f6.pdf', 0.10, 'pdf', 'uploads/acao-execucao/3000/d4e5f6.pdf', 't4001'),
              (4002, 'fotos.jpg', 'sumiu.jpg', 0.10, 'jpg', 'uploads/acao-execucao/3001/sumiu.jpg', 't4002'),
              (4003, 'plano-de-integridade-sef.pdf', 'p4003.pdf', 0.10, 'pdf', 'uploads/plano_integridade/p4003.pdf', 't4003'),
              (4004, 'plano-de-acao-sef.pdf', 'p4004.pdf', 0.10, 'pdf', 'uploads/plano_acao/p4004.pdf', 't4004'),
              (4005, 'plano-de-comunicacao.docx', 'p4005.docx', 0.10, 'docx', 'uploads/plano_comunicacao/p4005.docx', 't4005');
            INSERT INTO acao_execucao_arquivo (id, acao_execucao_id, arquivo_id) VALUES (1, 3000, 4000), (2, 3000, 4001), (3, 3001, 4002);
            INSERT INTO acao_monitoramento (id, risco_n_implementacao, acao_id, usuario_id, created_at) VALUES (5000, 3, 2001, 3, '2023-05-10 15:00:00');
            INSERT INTO acao_monitoramento_recomendacao (id, recomendacao, resposta, acao_monitoramento_id, usuario_id, usuario_resposta_id, created_at) VALUES
              (6000, 'Ampliar as turmas de capacitação', 'Duas novas turmas abertas', 5000, 3, 2, '2023-05-10 15:05:00'),
              (6001, 'Registrar as listas de presença', NULL, 5000, 3, NULL, '2023-05-10 15:06:00');
            INSERT INTO acao_avaliacao_recomendacao (id, recomendacao, resposta, acao_id, usuario_id, usuario_resposta_id, created_at) VALUES
              (6100, 'Rever o cronograma do código', NULL, 2000, 1, NULL, '2023-04-01 09:00:00');
            INSERT INTO plano_integridade_recomendacao (id, recomendacao, resposta, plano_integridade_id, usuario_id, usuario_resposta_id, created_at) VALUES
              (6200, 'Publicar o plano no sítio eletrônico', 'Publicado na página da SEF', 11, 1, 2, '2023-02-10 09:00:00');
            INSERT INTO reuniao (id, plano_integridade_id, data, nome, pauta, registro, usuario_id, created_at) VALUES
              (7000, 11, '2023-04-10', '1ª reunião de monitoramento', 'Andamento das ações', 'Ações em dia, exceto a 2.2', 3, '2023-04-10 17:00:00');
            INSERT INTO reuniao_servidor (id, reuniao_id, servidor_id) VALUES (1, 7000, 1);
            INSERT INTO plano_integridade_novo (id, plano_integridade_id, tipo, usuario_solicitante_id, autorizado, usuario_autorizador_id, justificativa, created_at) VALUES
              (8000, 10, 2, 3, 1, 1, 'Nova edição para o biênio 2023-2024', '2022-11-20 10:00:00');
            INSERT INTO plano_integridade_reabertura (id, plano_integridade_id, usuario_id, created_at) VALUES (8100, 11, 1, '2023-08-01 10:00:00');
            INSERT INTO promover_integridade (id, data, acao_desenvolvida, horas_trabalho, plano_integridade_id, orgao_id, created_at) VALUES
              (8200, '2023-05-05', 'Palestra sobre conflito de interesses', 4, 11, 20, '2023-05-06 10:00:00');
            INSERT INTO historico (id, action, model, id_registro, campo, antigo_valor, novo_valor, justificativa, multiple, usuario_id, usuario_perfil, created_at) VALUES
              (9000, 'Create/Update', 'app\\models\\Acao', 2000, 'titulo', NULL, 'Instituir o código de ética', NULL, NULL, 2, 'Executor', '2023-01-15 10:00:00'),
              (9001, 'Create/Update', 'app\\models\\Acao', 2000, 'status', '2', '3', 'Código publicado', NULL, 2, 'Executor', '2023-06-20 16:30:00'),
              (9002, 'Delete', 'app\\modules\\monitorar\\models\\Reuniao', 7999, 'nome', 'Reunião cancelada', NULL, NULL, NULL, 3, 'Grupo de Trabalho', '2023-04-01 08:00:00'),
              (9003, 'Create/Update', 'app\\models\\PlanoIntegridade', 12, 'edicao', NULL, '2024-2025', NULL, NULL, 1, 'Auditor', '2024-02-01 10:00:00');
            SET FOREIGN_KEY_CHECKS=1;
            """;
    }

    private void WriteFiles()
    {
        Directory.CreateDirectory(Path.Combine(FilesFolder, "acao-execucao", "3000"));
        File.WriteAllBytes(Path.Combine(FilesFolder, "acao-execucao", "3000", "a1b2c3.pdf"), GoodPdf);
        // The publication's final PDF and action plan; its communication plan is missing from the folder.
        Directory.CreateDirectory(Path.Combine(FilesFolder, "plano_integridade"));
        File.WriteAllBytes(Path.Combine(FilesFolder, "plano_integridade", "p4003.pdf"), GoodPdf);
        Directory.CreateDirectory(Path.Combine(FilesFolder, "plano_acao"));
        File.WriteAllBytes(Path.Combine(FilesFolder, "plano_acao", "p4004.pdf"), GoodPdf);
        // A Windows program under a .pdf name: refused by content, as an upload would be.
        File.WriteAllBytes(Path.Combine(FilesFolder, "acao-execucao", "3000", "d4e5f6.pdf"), [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new MySqlConnection(_admin))
        {
            await connection.OpenAsync();
            await new MySqlCommand($"DROP DATABASE IF EXISTS `{Name}`", connection).ExecuteNonQueryAsync();
        }
        Directory.Delete(Path.GetDirectoryName(FilesFolder)!, recursive: true);
    }
}
