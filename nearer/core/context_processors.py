from django.conf import settings


def nearer(request):
    return {"quick_exit_url": settings.NEARER_QUICK_EXIT_URL}
