from desk.services.dispatch.similarity import Index, bigrams


def test_chinese_text_is_cut_into_character_bigrams():
    assert bigrams("占道经营") == {"占道": 1, "道经": 1, "经营": 1}
    assert bigrams("a，b") == {"a": 1, "b": 1}


def test_the_nearest_document_shares_the_most_telling_bigrams():
    idx = Index(["小区门口占道经营", "楼道电动车充电", "占道经营的水果摊", "噪声扰民"])
    found = [i for i, _ in idx.nearest("水果摊占道经营")]
    assert found[:2] == [2, 0]
    assert 1 not in found and idx.nearest("") == []
