from django.db import migrations


def seed(apps, schema_editor):
    from haidang.cases.seed.legal import seed_legal_provisions

    seed_legal_provisions(apps.get_model("cases", "LegalProvision"))


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
