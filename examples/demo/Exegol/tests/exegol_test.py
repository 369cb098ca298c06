from exegol.config.ConstantConfig import __version__


def test_version():
    assert __version__ == '5.1.4'
