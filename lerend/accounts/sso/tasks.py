from django.tasks import task

from . import services


@task
def purge_sso_requests() -> int:
    """Daily: delete sign-in requests that ended more than a day ago."""
    return services.purge_requests()
