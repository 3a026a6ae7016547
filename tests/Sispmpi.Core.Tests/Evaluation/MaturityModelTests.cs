using System.Text.Json.Nodes;
using Sispmpi.Core.Evaluation;

namespace Sispmpi.Core.Tests.Evaluation;

public class MaturityModelTests
{
    private const string LevelKeys = "use inicial, padronizado, integrado, gerenciado e otimizado";

    // Two dimensions: the first with two questions and a description, the second with one question and none.
    private const string ValidJson = """
        {
          "id": "modelo-teste",
          "version": 2,
          "title": "Modelo de teste",
          "description": "Um modelo pequeno.",
          "dimensions": [
            {
              "id": "lideranca",
              "title": "Liderança",
              "description": "Apoio da alta administração.",
              "weight": 1,
              "questions": [
                {
                  "id": "lideranca-1",
                  "text": "A alta administração apoia o programa?",
                  "levels": {
                    "inicial": "L1 inicial", "padronizado": "L1 padronizado", "integrado": "L1 integrado",
                    "gerenciado": "L1 gerenciado", "otimizado": "L1 otimizado"
                  }
                },
                {
                  "id": "lideranca-2",
                  "text": "Há recursos para o programa?",
                  "levels": {
                    "otimizado": "L2 otimizado", "gerenciado": "L2 gerenciado", "integrado": "L2 integrado",
                    "padronizado": "L2 padronizado", "inicial": "L2 inicial"
                  }
                }
              ]
            },
            {
              "id": "riscos",
              "title": "Riscos",
              "weight": 2.5,
              "questions": [
                {
                  "id": "riscos-1",
                  "text": "Os riscos são avaliados?",
                  "levels": {
                    "inicial": "R1 inicial", "padronizado": "R1 padronizado", "integrado": "R1 integrado",
                    "gerenciado": "R1 gerenciado", "otimizado": "R1 otimizado"
                  }
                }
              ]
            }
          ]
        }
        """;

    [Fact]
    public void Parse_reads_every_field()
    {
        var model = MaturityModel.Parse(ValidJson);

        model.Id.ShouldBe("modelo-teste");
        model.Version.ShouldBe(2);
        model.Title.ShouldBe("Modelo de teste");
        model.Description.ShouldBe("Um modelo pequeno.");
        model.Dimensions.Select(d => d.Id).ShouldBe(["lideranca", "riscos"]);

        var leadership = model.Dimensions[0];
        leadership.Title.ShouldBe("Liderança");
        leadership.Description.ShouldBe("Apoio da alta administração.");
        leadership.Weight.ShouldBe(1m);
        leadership.Questions.Select(q => q.Id).ShouldBe(["lideranca-1", "lideranca-2"]);
        leadership.Questions[0].Text.ShouldBe("A alta administração apoia o programa?");

        var risks = model.Dimensions[1];
        risks.Description.ShouldBeNull();
        risks.Weight.ShouldBe(2.5m);

        model.Questions.Select(q => q.Id).ShouldBe(["lideranca-1", "lideranca-2", "riscos-1"]);
    }

    [Fact]
    public void Parse_keeps_levels_in_level_order_whatever_the_order_in_the_file()
    {
        var question = MaturityModel.Parse(ValidJson).Dimensions[0].Questions[1];

        question.Levels.Keys.ShouldBe(MaturityLevels.All);
        question.Levels[MaturityLevel.Initial].ShouldBe("L2 inicial");
        question.Levels[MaturityLevel.Standardized].ShouldBe("L2 padronizado");
        question.Levels[MaturityLevel.Integrated].ShouldBe("L2 integrado");
        question.Levels[MaturityLevel.Managed].ShouldBe("L2 gerenciado");
        question.Levels[MaturityLevel.Optimized].ShouldBe("L2 otimizado");
    }

    [Theory]
    [InlineData("description", "null")] // a null description is the same as none
    [InlineData("dimensions[1].description", "null")]
    [InlineData("dimensions[1].weight", "1000")] // the largest weight
    [InlineData("dimensions[1].weight", "0.001")]
    [InlineData("version", "1")]
    [InlineData("id", "\"0-a-9\"")]
    [InlineData("dimensions[1].id", "\"lideranca-1\"")] // a dimension may share an id with a question
    [InlineData("dimensions[1].questions[0].id", "\"-\"")]
    public void Parse_accepts_edge_values(string path, string value)
    {
        Should.NotThrow(() => MaturityModel.Parse(Mutate(path, value)));
    }

    [Fact]
    public void Parse_accepts_ids_of_the_maximum_length()
    {
        var id = new string('a', MaturityModel.MaxIdLength);
        MaturityModel.Parse(Mutate("dimensions[0].questions[0].id", $"\"{id}\"")).Questions.First().Id.ShouldBe(id);
    }

    // A null value removes the field.
    [Theory]
    // The model.
    [InlineData("id", null, "Modelo de maturidade: falta o campo \"id\".")]
    [InlineData("id", "42", "Modelo de maturidade: o campo \"id\" deve ser um texto.")]
    [InlineData("id", "\"\"", "Modelo de maturidade: o identificador (\"id\") não pode ficar vazio.")]
    [InlineData("id", "\"  \"", "Modelo de maturidade: o identificador (\"id\") não pode ficar vazio.")]
    [InlineData("id", "\"Modelo\"", "Modelo de maturidade: o identificador \"Modelo\" só pode ter letras minúsculas sem acento, dígitos e hífens.")]
    [InlineData("version", null, "Modelo de maturidade: falta o campo \"version\".")]
    [InlineData("version", "0", "Modelo de maturidade: o campo \"version\" deve ser um número inteiro maior ou igual a 1.")]
    [InlineData("version", "-3", "Modelo de maturidade: o campo \"version\" deve ser um número inteiro maior ou igual a 1.")]
    [InlineData("version", "1.5", "Modelo de maturidade: o campo \"version\" deve ser um número inteiro maior ou igual a 1.")]
    [InlineData("version", "\"1\"", "Modelo de maturidade: o campo \"version\" deve ser um número inteiro maior ou igual a 1.")]
    [InlineData("version", "99999999999", "Modelo de maturidade: o campo \"version\" deve ser um número inteiro maior ou igual a 1.")]
    [InlineData("title", null, "Modelo de maturidade: falta o campo \"title\".")]
    [InlineData("title", "null", "Modelo de maturidade: o campo \"title\" deve ser um texto.")]
    [InlineData("title", "\" \"", "Modelo de maturidade: o campo \"title\" não pode ficar vazio.")]
    [InlineData("description", "7", "Modelo de maturidade: o campo \"description\" deve ser um texto.")]
    [InlineData("dimensions", null, "Modelo de maturidade: falta o campo \"dimensions\".")]
    [InlineData("dimensions", "{}", "Modelo de maturidade: o campo \"dimensions\" deve ser uma lista.")]
    [InlineData("dimensions", "[]", "Modelo de maturidade: é preciso pelo menos uma dimensão.")]
    [InlineData("autor", "\"x\"", "Modelo de maturidade: o campo \"autor\" não é reconhecido.")]
    [InlineData("Title", "\"x\"", "Modelo de maturidade: o campo \"Title\" não é reconhecido.")] // names are case-sensitive
    // Dimensions: named by position until their id is valid.
    [InlineData("dimensions[1]", "3", "Dimensão nº 2: deve ser um objeto JSON.")]
    [InlineData("dimensions[0].id", null, "Dimensão nº 1: falta o campo \"id\".")]
    [InlineData("dimensions[1].id", "\"riscos_integridade\"", "Dimensão nº 2: o identificador \"riscos_integridade\" só pode ter letras minúsculas sem acento, dígitos e hífens.")]
    [InlineData("dimensions[1].id", "\"gestão\"", "Dimensão nº 2: o identificador \"gestão\" só pode ter letras minúsculas sem acento, dígitos e hífens.")]
    [InlineData("dimensions[1].id", "\"a b\"", "Dimensão nº 2: o identificador \"a b\" só pode ter letras minúsculas sem acento, dígitos e hífens.")]
    [InlineData("dimensions[1].id", "\"lideranca\"", "Dimensão \"lideranca\": há mais de uma dimensão com este identificador.")]
    [InlineData("dimensions[1].peso", "1", "Dimensão \"riscos\": o campo \"peso\" não é reconhecido.")]
    [InlineData("dimensions[1]", "{\"id\": \"X\", \"extra\": 1}", "Dimensão nº 2: o campo \"extra\" não é reconhecido.")]
    [InlineData("dimensions[1].title", "\"\"", "Dimensão \"riscos\": o campo \"title\" não pode ficar vazio.")]
    [InlineData("dimensions[1].weight", null, "Dimensão \"riscos\": falta o campo \"weight\".")]
    [InlineData("dimensions[1].weight", "0", "Dimensão \"riscos\": o campo \"weight\" deve ser um número maior que zero e no máximo 1000.")]
    [InlineData("dimensions[1].weight", "-1", "Dimensão \"riscos\": o campo \"weight\" deve ser um número maior que zero e no máximo 1000.")]
    [InlineData("dimensions[1].weight", "1000.01", "Dimensão \"riscos\": o campo \"weight\" deve ser um número maior que zero e no máximo 1000.")]
    [InlineData("dimensions[1].weight", "1e400", "Dimensão \"riscos\": o campo \"weight\" deve ser um número maior que zero e no máximo 1000.")]
    [InlineData("dimensions[1].weight", "\"2\"", "Dimensão \"riscos\": o campo \"weight\" deve ser um número maior que zero e no máximo 1000.")]
    [InlineData("dimensions[1].questions", null, "Dimensão \"riscos\": falta o campo \"questions\".")]
    [InlineData("dimensions[1].questions", "[]", "Dimensão \"riscos\": é preciso pelo menos uma questão.")]
    // Questions: ids are unique across the whole model.
    [InlineData("dimensions[0].questions[0]", "\"q\"", "Questão nº 1 da dimensão \"lideranca\": deve ser um objeto JSON.")]
    [InlineData("dimensions[0].questions[1].id", "\"\"", "Questão nº 2 da dimensão \"lideranca\": o identificador (\"id\") não pode ficar vazio.")]
    [InlineData("dimensions[0].questions[1].id", "\"Lideranca-2\"", "Questão nº 2 da dimensão \"lideranca\": o identificador \"Lideranca-2\" só pode ter letras minúsculas sem acento, dígitos e hífens.")]
    [InlineData("dimensions[0].questions[1].id", "\"lideranca-1\"", "Questão \"lideranca-1\": há mais de uma questão com este identificador no modelo.")]
    [InlineData("dimensions[1].questions[0].id", "\"lideranca-2\"", "Questão \"lideranca-2\": há mais de uma questão com este identificador no modelo.")]
    [InlineData("dimensions[0].questions[1].text", null, "Questão \"lideranca-2\": falta o campo \"text\".")]
    [InlineData("dimensions[0].questions[1].text", "\"\"", "Questão \"lideranca-2\": o campo \"text\" não pode ficar vazio.")]
    [InlineData("dimensions[0].questions[1].texto", "\"x\"", "Questão \"lideranca-2\": o campo \"texto\" não é reconhecido.")]
    // Levels: all five, non-empty, no other key.
    [InlineData("dimensions[0].questions[1].levels", null, "Questão \"lideranca-2\": falta o campo \"levels\".")]
    [InlineData("dimensions[0].questions[1].levels", "[]", "Questão \"lideranca-2\": o campo \"levels\" deve ser um objeto.")]
    [InlineData("dimensions[0].questions[1].levels", "{}", "Questão \"lideranca-2\": falta a descrição do nível \"inicial\".")]
    [InlineData("dimensions[0].questions[1].levels.otimizado", null, "Questão \"lideranca-2\": falta a descrição do nível \"otimizado\".")]
    [InlineData("dimensions[0].questions[1].levels.integrado", null, "Questão \"lideranca-2\": falta a descrição do nível \"integrado\".")]
    [InlineData("dimensions[0].questions[1].levels.integrado", "\"\"", "Questão \"lideranca-2\": a descrição do nível \"integrado\" não pode ficar vazia.")]
    [InlineData("dimensions[0].questions[1].levels.integrado", "\"\\t \"", "Questão \"lideranca-2\": a descrição do nível \"integrado\" não pode ficar vazia.")]
    [InlineData("dimensions[0].questions[1].levels.integrado", "3", "Questão \"lideranca-2\": a descrição do nível \"integrado\" deve ser um texto.")]
    [InlineData("dimensions[0].questions[1].levels.integrado", "null", "Questão \"lideranca-2\": a descrição do nível \"integrado\" deve ser um texto.")]
    [InlineData("dimensions[0].questions[1].levels.excelente", "\"x\"", "Questão \"lideranca-2\": o nível \"excelente\" não existe; " + LevelKeys + ".")]
    [InlineData("dimensions[0].questions[1].levels.Inicial", "\"x\"", "Questão \"lideranca-2\": o nível \"Inicial\" não existe; " + LevelKeys + ".")]
    public void Parse_rejects_an_invalid_model_naming_the_problem(string path, string? value, string expected)
    {
        var json = Mutate(path, value);
        Should.Throw<MaturityModelException>(() => MaturityModel.Parse(json)).Message.ShouldBe(expected);
    }

    [Fact]
    public void Parse_rejects_ids_longer_than_the_maximum()
    {
        var id = new string('a', MaturityModel.MaxIdLength + 1);
        Should.Throw<MaturityModelException>(() => MaturityModel.Parse(Mutate("dimensions[0].questions[1].id", $"\"{id}\"")))
            .Message.ShouldBe("Questão nº 2 da dimensão \"lideranca\": o identificador (\"id\") tem mais de 100 caracteres.");
    }

    [Theory]
    [InlineData("\"version\": 2,", "\"version\": 2, \"version\": 3,", "Modelo de maturidade: o campo \"version\" está repetido.")]
    [InlineData("\"weight\": 2.5,", "\"weight\": 2.5, \"weight\": 2.5,", "Dimensão \"riscos\": o campo \"weight\" está repetido.")]
    [InlineData("\"inicial\": \"R1 inicial\",", "\"inicial\": \"R1 inicial\", \"inicial\": \"R1 de novo\",", "Questão \"riscos-1\": o nível \"inicial\" está repetido.")]
    public void Parse_rejects_repeated_fields(string find, string replacement, string expected)
    {
        ValidJson.ShouldContain(find, Case.Sensitive);
        var json = ValidJson.Replace(find, replacement, StringComparison.Ordinal);
        Should.Throw<MaturityModelException>(() => MaturityModel.Parse(json)).Message.ShouldBe(expected);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"modelo\"")]
    public void Parse_rejects_a_root_that_is_not_an_object(string json)
    {
        Should.Throw<MaturityModelException>(() => MaturityModel.Parse(json))
            .Message.ShouldBe("Modelo de maturidade: deve ser um objeto JSON.");
    }

    [Theory]
    [InlineData("", "o texto está vazio")]
    [InlineData(" \n ", "o texto está vazio")]
    [InlineData("{", "erro de sintaxe na linha 1, coluna 2")]
    [InlineData("{\"id\": \"a\",}", "erro de sintaxe na linha 1, coluna 12")] // no trailing commas
    [InlineData("{\n  \"título\": }", "erro de sintaxe na linha 2, coluna 13")] // the column counts characters, not bytes
    [InlineData("// comentário\n{}", "erro de sintaxe na linha 1, coluna 1")] // no comments
    [InlineData("{} {}", "erro de sintaxe na linha 1, coluna 4")]
    public void Parse_rejects_malformed_json(string json, string detail)
    {
        Should.Throw<MaturityModelException>(() => MaturityModel.Parse(json))
            .Message.ShouldBe($"O modelo de maturidade não é um JSON válido: {detail}.");
    }

    [Fact]
    public void Parse_rejects_text_that_is_not_valid_unicode()
    {
        var loneSurrogate = "{\"id\": \"" + '\ud800' + "\"}";
        Should.Throw<MaturityModelException>(() => MaturityModel.Parse(loneSurrogate))
            .Message.ShouldBe("O modelo de maturidade não é um JSON válido: o texto tem caracteres inválidos.");
    }

    [Fact]
    public void Parse_rejects_null()
    {
        Should.Throw<ArgumentNullException>(() => MaturityModel.Parse(null!));
    }

    [Fact]
    public void ToJson_writes_indented_camel_case_json_keeping_accents()
    {
        var model = new MaturityModel("m", 3, "Gestão", null,
        [
            new MaturityDimension("d", "Ética", "Conduta \"ética\".", 1.50m,
            [
                new MaturityQuestion("q", "Há código?", MaturityLevels.All.ToDictionary(l => l, l => $"Nível {(int)l}")),
            ]),
        ]);

        model.ToJson().ShouldBe("""
            {
              "id": "m",
              "version": 3,
              "title": "Gestão",
              "dimensions": [
                {
                  "id": "d",
                  "title": "Ética",
                  "description": "Conduta \"ética\".",
                  "weight": 1.50,
                  "questions": [
                    {
                      "id": "q",
                      "text": "Há código?",
                      "levels": {
                        "inicial": "Nível 1",
                        "padronizado": "Nível 2",
                        "integrado": "Nível 3",
                        "gerenciado": "Nível 4",
                        "otimizado": "Nível 5"
                      }
                    }
                  ]
                }
              ]
            }
            """);
    }

    [Fact]
    public void ToJson_round_trips_with_Parse()
    {
        var model = MaturityModel.Parse(ValidJson);
        var json = model.ToJson();
        var again = MaturityModel.Parse(json);

        again.ToJson().ShouldBe(json);
        again.Id.ShouldBe(model.Id);
        again.Version.ShouldBe(model.Version);
        again.Description.ShouldBe(model.Description);
        again.Dimensions[1].Description.ShouldBeNull();
        again.Dimensions[1].Weight.ShouldBe(2.5m);
        again.Questions.Select(q => q.Levels).ShouldBe(model.Questions.Select(q => q.Levels));
    }

    [Fact]
    public void Default_model_is_the_public_integrity_model_version_1()
    {
        var model = MaturityModel.Default;

        model.Id.ShouldBe("integridade-publica");
        model.Version.ShouldBe(1);
        model.Title.ShouldNotBeNullOrWhiteSpace();
        model.Description.ShouldNotBeNullOrWhiteSpace();
        model.Dimensions.Select(d => (d.Id, d.Title)).ShouldBe(
        [
            ("alta-administracao", "Comprometimento da alta administração"),
            ("unidade-integridade", "Unidade de gestão da integridade"),
            ("riscos-integridade", "Gestão de riscos para a integridade"),
            ("etica-conflito-interesses", "Ética e conflito de interesses"),
            ("transparencia", "Transparência e acesso à informação"),
            ("canais-denuncia", "Canais de denúncia e tratamento"),
            ("capacitacao-comunicacao", "Capacitação e comunicação"),
            ("monitoramento", "Monitoramento e melhoria contínua"),
        ]);
    }

    [Fact]
    public void Default_model_has_three_questions_per_dimension_with_five_distinct_levels()
    {
        var model = MaturityModel.Default;

        foreach (var dimension in model.Dimensions)
        {
            dimension.Weight.ShouldBe(1m);
            dimension.Description.ShouldNotBeNullOrWhiteSpace();
            dimension.Questions.Select(q => q.Id).ShouldBe([$"{dimension.Id}-1", $"{dimension.Id}-2", $"{dimension.Id}-3"]);
        }

        var questions = model.Questions.ToList();
        questions.Count.ShouldBe(24);
        questions.Select(q => q.Text).Distinct().Count().ShouldBe(24);
        questions.ShouldAllBe(q => q.Text.EndsWith('?'));
        var descriptions = questions.SelectMany(q => q.Levels.Values).ToList();
        descriptions.Count.ShouldBe(24 * 5);
        descriptions.Distinct().Count().ShouldBe(24 * 5);
        descriptions.ShouldAllBe(d => d.EndsWith('.'));
    }

    [Fact]
    public void Default_model_is_loaded_once()
    {
        MaturityModel.Default.ShouldBeSameAs(MaturityModel.Default);
    }

    [Fact]
    public void Default_model_file_is_in_the_form_ToJson_writes()
    {
        // Keeps the shipped file tidy and shows that it round-trips: regenerate it with ToJson after editing.
        using var stream = typeof(MaturityModel).Assembly.GetManifestResourceStream(
            "Sispmpi.Core.Evaluation.DefaultMaturityModel.json");
        stream.ShouldNotBeNull();
        using var reader = new StreamReader(stream);
        var file = reader.ReadToEnd();

        file.ShouldBe(MaturityModel.Default.ToJson() + "\n");
        MaturityModel.Parse(MaturityModel.Default.ToJson()).ToJson().ShouldBe(MaturityModel.Default.ToJson());
    }

    [Theory]
    [InlineData(MaturityLevel.Initial, 1, "Inicial", "inicial")]
    [InlineData(MaturityLevel.Standardized, 2, "Padronizado", "padronizado")]
    [InlineData(MaturityLevel.Integrated, 3, "Integrado", "integrado")]
    [InlineData(MaturityLevel.Managed, 4, "Gerenciado", "gerenciado")]
    [InlineData(MaturityLevel.Optimized, 5, "Otimizado", "otimizado")]
    public void Levels_have_stable_values_names_and_keys(MaturityLevel level, int value, string name, string key)
    {
        // Stored as integers: the values must never change.
        ((int)level).ShouldBe(value);
        MaturityLevels.Name(level).ShouldBe(name);
        MaturityLevels.Key(level).ShouldBe(key);
    }

    [Fact]
    public void All_levels_are_in_order_and_unknown_ones_have_no_name()
    {
        MaturityLevels.All.ShouldBe(
        [
            MaturityLevel.Initial, MaturityLevel.Standardized, MaturityLevel.Integrated, MaturityLevel.Managed,
            MaturityLevel.Optimized,
        ]);
        Should.Throw<ArgumentOutOfRangeException>(() => MaturityLevels.Name((MaturityLevel)0));
        Should.Throw<ArgumentOutOfRangeException>(() => MaturityLevels.Name((MaturityLevel)6));
    }

    /// <summary>
    /// <see cref="ValidJson"/> with the node at <paramref name="path"/> (e.g. <c>dimensions[0].questions[1].id</c>)
    /// set to the JSON <paramref name="value"/>, or removed when it is null.
    /// </summary>
    private static string Mutate(string path, string? value)
    {
        var root = JsonNode.Parse(ValidJson)!;
        var steps = path.Replace("[", ".[", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        var parent = root;
        foreach (var step in steps[..^1])
        {
            parent = step.StartsWith('[') ? parent[Index(step)]! : parent[step]!;
        }

        var last = steps[^1];
        var node = value is null ? null : JsonNode.Parse(value);
        if (last.StartsWith('['))
        {
            if (value is null)
            {
                parent.AsArray().RemoveAt(Index(last));
            }
            else
            {
                parent[Index(last)] = node;
            }
        }
        else if (value is null)
        {
            parent.AsObject().Remove(last).ShouldBeTrue($"no field {path}");
        }
        else
        {
            parent[last] = node;
        }

        return root.ToJsonString();
    }

    private static int Index(string step) => int.Parse(step.Trim('[', ']'), System.Globalization.CultureInfo.InvariantCulture);
}
