from django.shortcuts import render

from lerend.organisations.decorators import org_member


@org_member
def explorer(request):
    return render(request, "frameworks/explorer.html")


@org_member
def house(request):
    return render(request, "frameworks/explorer.html")


@org_member
def practices(request):
    return render(request, "frameworks/explorer.html")
