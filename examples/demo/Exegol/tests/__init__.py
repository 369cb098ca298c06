from tests.exegol_test import test_version
