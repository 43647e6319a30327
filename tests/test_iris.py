from kg.iris import IriMinter, slugify


def test_iris_are_ascii_and_deterministic():
    a, b = IriMinter(), IriMinter()
    for iri in (a.person("郭卫东"), a.body("中国人民政治协商会议山西省阳泉市委员会"), a.event("市委常委会会议", "2024-01-02")):
        assert str(iri).isascii()
    assert a.person("郭卫东") == b.person("郭卫东")


def test_names_sharing_pinyin_get_different_iris():
    m = IriMinter()
    assert slugify("王建义") == slugify("王剑毅")
    assert m.person("王建义") != m.person("王剑毅")


def test_numbered_sessions_are_one_event_whatever_the_date():
    m = IriMinter()
    name = "某市第十四届委员会第三次会议"
    assert m.event(name, "2024-03-19") == m.event(name, None)
    assert m.event("国务院常务会议", "2024-01-02") != m.event("国务院常务会议", "2024-01-09")


def test_base_is_configurable_and_checked():
    import pytest

    assert str(IriMinter("http://example.org/kg").person("张三")).startswith("http://example.org/kg/person/")
    with pytest.raises(ValueError):
        IriMinter("not an iri")
