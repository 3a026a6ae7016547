-- 0014 search: lists search without regard to case or accents (SearchText.Fold). The two strings are
-- SearchText.From and SearchText.To: a letter of the first becomes the letter at the same place in the second.

CREATE OR REPLACE FUNCTION sispmpi_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT translate($1, 'ABCDEFGHIJKLMNOPQRSTUVWXYZÁÀÂÃÄÅÉÈÊËÍÌÎÏÓÒÔÕÖÚÙÛÜÇÑÝáàâãäåéèêëíìîïóòôõöúùûüçñýÿ', 'abcdefghijklmnopqrstuvwxyzaaaaaaeeeeiiiiooooouuuucnyaaaaaaeeeeiiiiooooouuuucnyy') $$;
